package eu.drugsplan.submissions.repository;

import eu.drugsplan.contracts.event.ReviewEvent;
import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.service.review.Actor;
import eu.drugsplan.submissions.service.review.ReviewAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Records a review step in the audit and publishes it on Kafka, in the caller's transaction (the outbox). */
@ApplicationScoped
public class ReviewLog {

    private final Outbox outbox;
    private final SubmissionsConfig config;

    public ReviewLog(Outbox outbox, SubmissionsConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** body: the reviewing body acting, null for the reporter's and the publisher's steps. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Submission submission, ReviewAction action, Actor actor, String body, String note,
                       Instant publishAt) {
        ReviewActionRecord entry = new ReviewActionRecord();
        entry.submissionId = submission.id;
        entry.action = action;
        entry.actor = actor.subject();
        entry.body = body;
        entry.actedAt = Instant.now();
        entry.note = note;
        entry.publishAt = publishAt;
        entry.persist();
        UUID eventId = UUID.randomUUID();
        outbox.append(config.reviewTopic(), submission.id.toString(), eventId, new ReviewEvent(
                ReviewEvent.CURRENT_VERSION, eventId, submission.id, submission.reporter, action.name(),
                entry.actor, body, entry.actedAt, note, publishAt));
    }
}
