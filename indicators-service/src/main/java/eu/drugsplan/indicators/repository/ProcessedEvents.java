package eu.drugsplan.indicators.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Remembers which events were applied, in the transaction that applies them. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The ids among {@code eventIds} that were applied before: one query for a whole batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> alreadyApplied(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = entityManager
                .createQuery("select p.eventId from ProcessedEvent p where p.eventId in :ids", UUID.class)
                .setParameter("ids", eventIds)
                .getResultList();
        return new HashSet<>(found);
    }

    /** Records an applied event with its submission and outcome; inserts are batched by Hibernate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID eventId, UUID submissionId, String outcome) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.submissionId = submissionId;
        processed.outcome = outcome;
        processed.processedAt = Instant.now();
        entityManager.persist(processed);
    }

    /** Counts per outcome of the events of one submission applied so far. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmissionOutcome> outcomeOf(UUID submissionId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select count(*),
                               count(*) filter (where outcome = 'INSERTED'),
                               count(*) filter (where outcome = 'REVISED'),
                               count(*) filter (where outcome in ('UNCHANGED', 'SUPERSEDED')),
                               count(*) filter (where outcome = 'DELETED'),
                               count(*) filter (where outcome = 'NOTHING_TO_DELETE'),
                               max(processed_at)
                        from processed_event where submission_id = ?1""")
                .setParameter(1, submissionId)
                .getSingleResult();
        long applied = ((Number) row[0]).longValue();
        if (applied == 0) {
            return Optional.empty();
        }
        return Optional.of(new SubmissionOutcome(submissionId, applied, count(row[1]), count(row[2]), count(row[3]),
                count(row[4]), count(row[5]), toInstant(row[6])));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }

    /** What the store did with the events of one submission. */
    public record SubmissionOutcome(UUID submissionId, long applied, long inserted, long revised, long unchanged,
                                    long deleted, long nothingToDelete, Instant lastAppliedAt) {
    }
}
