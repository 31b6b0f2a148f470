package eu.drugsplan.submissions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Idempotency-Key of each reporter's requests, with the hash of the body and the answer it got. */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager entityManager;

    public IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Remembered(String requestHash, UUID submissionId, int responseStatus) {
    }

    @Transactional
    public Optional<Remembered> find(String reporter, String key) {
        List<?> rows = entityManager.createNativeQuery(
                        "select request_hash, submission_id, response_status from idempotency_key"
                                + " where reporter = ?1 and idempotency_key = ?2")
                .setParameter(1, reporter).setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Remembered((String) columns[0], (UUID) columns[1], ((Number) columns[2]).intValue());
        });
    }

    /** In the submission's own transaction: a concurrent request with the same key fails on the primary key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String reporter, String key, Remembered answer) {
        entityManager.createNativeQuery("insert into idempotency_key (reporter, idempotency_key, request_hash,"
                        + " submission_id, response_status, created_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, reporter).setParameter(2, key).setParameter(3, answer.requestHash())
                .setParameter(4, answer.submissionId()).setParameter(5, answer.responseStatus())
                .setParameter(6, Timestamp.from(Instant.now()))
                .executeUpdate();
    }
}
