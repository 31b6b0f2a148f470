package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.repository.Submission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes embargoed releases official when their publication time comes. It asks the database what is due, so a
 * release whose time passed while the service was down is published at the first poll after the start (it
 * catches up); {@code for update skip locked} lets several replicas poll without publishing one release twice.
 */
@ApplicationScoped
public class ReleasePublisher {

    private static final Logger LOG = Logger.getLogger(ReleasePublisher.class);
    private static final int BATCH = 20;

    private final ReviewService review;
    private final EntityManager entityManager;

    public ReleasePublisher(ReviewService review, EntityManager entityManager) {
        this.review = review;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${submissions.release-poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishDue() {
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (published == BATCH);
    }

    private int publishBatch() {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        select id from submission where review_state = 'RELEASED' and publish_at <= now()
                         order by publish_at limit ?1 for update skip locked""")
                .setParameter(1, BATCH).getResultList();
        for (UUID id : due) {
            Submission s = Submission.findById(id);
            review.publish(s);
            LOG.infof("release of submission %s official (publication time %s)", id, s.publishAt);
        }
        return due.size();
    }
}
