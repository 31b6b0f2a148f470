package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.repository.IntakeWriter;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.service.IntakePipeline.PendingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores one chunk of a submission in the caller's transaction: the events of rows official on submission in the
 * outbox, those of rows under review in submission_event (they wait for their release), its conflicts and
 * warnings.
 */
@ApplicationScoped
public class ChunkStore {

    private final IntakeWriter writer;
    private final SubmissionsConfig config;
    private final SubmissionMetrics metrics;
    private final ReviewService review;

    public ChunkStore(IntakeWriter writer, SubmissionsConfig config, SubmissionMetrics metrics, ReviewService review) {
        this.writer = writer;
        this.config = config;
        this.metrics = metrics;
        this.review = review;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Submission submission, IntakePipeline.Chunk chunk) {
        List<PendingEvent> official = new ArrayList<>();
        List<PendingEvent> held = new ArrayList<>();
        for (PendingEvent event : chunk.events()) {
            (event.heldFor() == null ? official : held).add(event);
        }
        long[] range = writer.appendEvents(config.observationsTopic(), official, submission.receivedAt);
        if (range != null) {
            submission.coverEvents(range[0], range[1]);
        }
        writer.holdEvents(submission.id, config.observationsTopic(), held, submission.receivedAt);
        held.forEach(event -> submission.addReviewingBody(event.heldFor()));
        writer.appendConflicts(submission.id, chunk.conflicts());
        writer.appendWarnings(submission.id, chunk.warnings());
        metrics.chunkWritten(chunk);
    }

    /** After the last chunk (or a failed load): the submission's review begins, or it is official already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(Submission submission) {
        review.opened(submission);
    }
}
