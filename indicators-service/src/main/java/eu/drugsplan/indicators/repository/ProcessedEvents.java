package eu.drugsplan.indicators.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Remembers which events were applied, in the transaction that applies them. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Adds what a batch did to each submission's counts. Submissions in id order: two replicas adding to the
     * same submissions lock their rows in the same order and cannot deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addOutcomes(Collection<SubmissionOutcome> outcomes) {
        outcomes.stream().sorted(java.util.Comparator.comparing(SubmissionOutcome::submissionId)).forEach(outcome ->
                entityManager.createNativeQuery("""
                                insert into submission_outcome (submission_id, applied, inserted, revised, unchanged,
                                                                deleted, nothing_to_delete, last_applied_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                                on conflict (submission_id) do update set
                                    applied = submission_outcome.applied + excluded.applied,
                                    inserted = submission_outcome.inserted + excluded.inserted,
                                    revised = submission_outcome.revised + excluded.revised,
                                    unchanged = submission_outcome.unchanged + excluded.unchanged,
                                    deleted = submission_outcome.deleted + excluded.deleted,
                                    nothing_to_delete = submission_outcome.nothing_to_delete + excluded.nothing_to_delete,
                                    last_applied_at = greatest(submission_outcome.last_applied_at, excluded.last_applied_at)""")
                        .setParameter(1, outcome.submissionId()).setParameter(2, outcome.applied())
                        .setParameter(3, outcome.inserted()).setParameter(4, outcome.revised())
                        .setParameter(5, outcome.unchanged()).setParameter(6, outcome.deleted())
                        .setParameter(7, outcome.nothingToDelete())
                        .setParameter(8, java.sql.Timestamp.from(outcome.lastAppliedAt()))
                        .executeUpdate());
    }

    /** Counts per outcome of the observations of one submission applied so far. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmissionOutcome> outcomeOf(UUID submissionId) {
        List<?> rows = entityManager.createNativeQuery("""
                        select applied, inserted, revised, unchanged, deleted, nothing_to_delete, last_applied_at
                        from submission_outcome where submission_id = ?1""")
                .setParameter(1, submissionId)
                .getResultList();
        return rows.stream().findFirst().map(found -> {
            Object[] row = (Object[]) found;
            return new SubmissionOutcome(submissionId, count(row[0]), count(row[1]), count(row[2]), count(row[3]),
                    count(row[4]), count(row[5]), toInstant(row[6]));
        });
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }

    /** What the store did with the observations of one submission (unchanged includes superseded ones). */
    public record SubmissionOutcome(UUID submissionId, long applied, long inserted, long revised, long unchanged,
                                    long deleted, long nothingToDelete, Instant lastAppliedAt) {
    }
}
