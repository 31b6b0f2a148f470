package eu.drugsplan.submissions.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The observation events of rows under review (submission_event, V7) and the reviewers' comments on rows. A
 * release copies a submission's events into the outbox in one statement, in their order; they stay here too,
 * so the submission's rows can still be read after it became official.
 */
@ApplicationScoped
public class HeldEvents {

    /** A page of held event payloads, in row order. */
    public record Held(String seriesKey, String payload) {

        public ObservationEvent event(ObjectMapper json) {
            try {
                return json.readValue(payload, ObservationEvent.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a held event cannot be read back", e);
            }
        }
    }

    public record RowComment(String seriesKey, String period, String comment, String author, String body,
                             Instant at) {
    }

    private final EntityManager entityManager;

    public HeldEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Copies the submission's held events into the outbox. Each takes one value of outbox_event_seq as its id: a
     * value v of that sequence reserves [v .. v+99] for whoever drew it (see IntakeWriter), so v itself is ours.
     *
     * @return the first and last outbox id, or null when nothing was held
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long[] release(UUID submissionId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                        insert into outbox_event (id, event_id, topic, message_key, payload, created_at, traceparent)
                        select nextval('outbox_event_seq'), h.event_id, h.topic, h.message_key, h.payload, now(),
                               h.traceparent
                          from (select * from submission_event where submission_id = ?1 order by id) h
                        returning id""")
                .setParameter(1, submissionId).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        long first = ids.stream().mapToLong(Number::longValue).min().orElseThrow();
        long last = ids.stream().mapToLong(Number::longValue).max().orElseThrow();
        return new long[] {first, last};
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Held> page(UUID submissionId, int offset, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select message_key, payload from submission_event where submission_id = ?1
                         order by id offset ?2 limit ?3""")
                .setParameter(1, submissionId).setParameter(2, offset).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Held((String) r[0], (String) r[1])).toList();
    }

    /** A page of the series the submission's rows touch, in the order of their first row. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> seriesPage(UUID submissionId, int offset, int limit) {
        return entityManager.createNativeQuery("""
                        select message_key from submission_event where submission_id = ?1
                         group by message_key order by min(id) offset ?2 limit ?3""")
                .setParameter(1, submissionId).setParameter(2, offset).setParameter(3, limit).getResultList();
    }

    /** Every held event of these series in the submission, in row order. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Held> ofSeries(UUID submissionId, List<String> seriesKeys) {
        if (seriesKeys.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select message_key, payload from submission_event
                         where submission_id = ?1 and message_key in (?2) order by id""")
                .setParameter(1, submissionId).setParameter(2, seriesKeys).getResultList();
        return rows.stream().map(r -> new Held((String) r[0], (String) r[1])).toList();
    }

    /** The submissions that carried rows of the series, under review or since released. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> submissionsOf(String seriesKey) {
        return entityManager.createNativeQuery(
                        "select distinct submission_id from submission_event where message_key = ?1")
                .setParameter(1, seriesKey).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void comment(UUID submissionId, RowComment comment) {
        entityManager.createNativeQuery("""
                        insert into review_row_comment (submission_id, series_key, period, comment, author, body,
                                                        commented_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (submission_id, series_key, period)
                        do update set comment = excluded.comment, author = excluded.author, body = excluded.body,
                                      commented_at = excluded.commented_at""")
                .setParameter(1, submissionId).setParameter(2, comment.seriesKey()).setParameter(3, comment.period())
                .setParameter(4, comment.comment()).setParameter(5, comment.author()).setParameter(6, comment.body())
                .setParameter(7, comment.at()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<RowComment> comments(UUID submissionId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select series_key, period, comment, author, body, commented_at from review_row_comment
                         where submission_id = ?1 order by series_key, period""")
                .setParameter(1, submissionId).getResultList();
        return rows.stream().map(r -> new RowComment((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], Instants.of(r[5]))).toList();
    }
}
