package eu.drugsplan.submissions.repository;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Records when each submission's events were all published to Kafka: the latest publication time of its outbox
 * records, once none of them is pending. It runs on a schedule rather than on reading a submission, so that a
 * GET never writes; the outbox keeps published records for an hour (outbox.retention), this runs every few
 * seconds.
 */
@ApplicationScoped
public class PublicationTimes {

    private final EntityManager entityManager;

    public PublicationTimes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${submissions.publication-times-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void onSchedule() {
        record();
    }

    /** Records the publication time of every submission whose events are all published; returns how many. */
    @Transactional
    public int record() {
        return entityManager.createNativeQuery("""
                        update submission s
                           set published_at = (select max(o.published_at) from outbox_event o
                                                where o.id between s.first_event_id and s.last_event_id)
                         where s.published_at is null and s.first_event_id is not null
                           and exists (select 1 from outbox_event o
                                        where o.id between s.first_event_id and s.last_event_id)
                           and not exists (select 1 from outbox_event o
                                            where o.id between s.first_event_id and s.last_event_id
                                              and o.published_at is null)""")
                .executeUpdate();
    }
}
