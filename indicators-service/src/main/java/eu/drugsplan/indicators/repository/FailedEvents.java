package eu.drugsplan.indicators.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Events the store could not apply and sent to the dead-letter topic, by submission: what makes a submission's
 * status say FAILED with the reason instead of waiting for the store forever.
 */
@ApplicationScoped
public class FailedEvents {

    private final EntityManager entityManager;

    public FailedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One failed event; the same event failing again (a replay that fails) keeps one row, the latest reason. */
    public record Failure(UUID eventId, UUID submissionId, int observations, String reason, String source,
                          Instant failedAt) {
    }

    /** In a transaction of its own: the one that failed is rolled back, and this must stay. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Failure failure) {
        entityManager.createNativeQuery("""
                        insert into failed_event (event_id, submission_id, observations, reason, source, failed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (event_id) do update set reason = excluded.reason, source = excluded.source,
                            failed_at = excluded.failed_at""")
                .setParameter(1, failure.eventId()).setParameter(2, failure.submissionId())
                .setParameter(3, failure.observations()).setParameter(4, failure.reason())
                .setParameter(5, failure.source()).setParameter(6, java.sql.Timestamp.from(failure.failedAt()))
                .executeUpdate();
    }

    /** An event applied after all (replayed from the dead-letter topic) is no longer a failure of its submission. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(Collection<UUID> appliedEventIds) {
        if (appliedEventIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("delete from failed_event where event_id = any(?1)")
                .setParameter(1, appliedEventIds.toArray(UUID[]::new))
                .executeUpdate();
    }

    /** The submission's failed events, oldest first, at most {@code limit} of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Failure> ofSubmission(UUID submissionId, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        select event_id, observations, reason, source, failed_at from failed_event
                        where submission_id = ?1 order by failed_at, event_id limit ?2""")
                .setParameter(1, submissionId).setParameter(2, limit)
                .getResultList();
        return rows.stream().map(found -> {
            Object[] row = (Object[]) found;
            return new Failure((UUID) row[0], submissionId, ((Number) row[1]).intValue(), (String) row[2],
                    (String) row[3], ProcessedEvents.toInstant(row[4]));
        }).toList();
    }

    /** How many of a submission's events failed, and how many observations they carried. */
    public record FailureCounts(long events, long observations) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FailureCounts countsOf(UUID submissionId) {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                        "select count(*), coalesce(sum(observations), 0) from failed_event where submission_id = ?1")
                .setParameter(1, submissionId).getSingleResult();
        return new FailureCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
