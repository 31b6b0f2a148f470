package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.repository.IntakeWriter;
import eu.drugsplan.submissions.repository.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Stores one chunk of a submission in the caller's transaction: its outbox records, its conflicts and warnings. */
@ApplicationScoped
public class ChunkStore {

    private final IntakeWriter writer;
    private final SubmissionsConfig config;
    private final SubmissionMetrics metrics;

    public ChunkStore(IntakeWriter writer, SubmissionsConfig config, SubmissionMetrics metrics) {
        this.writer = writer;
        this.config = config;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Submission submission, IntakePipeline.Chunk chunk) {
        long[] range = writer.appendEvents(config.observationsTopic(), chunk.events(), submission.receivedAt);
        if (range != null) {
            submission.coverEvents(range[0], range[1]);
        }
        writer.appendConflicts(submission.id, chunk.conflicts());
        writer.appendWarnings(submission.id, chunk.warnings());
        metrics.chunkWritten(chunk);
    }
}
