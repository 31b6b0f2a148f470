package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Processes large submissions after their 202: rows are validated in memory and committed chunk by chunk,
 * each chunk's outbox records with the submission's counts and chunks_committed, so the status resource
 * always tells exactly what is committed. A failure stops the load (status FAILED); committed chunks stand.
 * One load at a time: the database, not the CPU, is the limit, and loads keep their order.
 */
@ApplicationScoped
public class AsyncLoads {

    private static final Logger LOG = Logger.getLogger(AsyncLoads.class);

    private final ChunkStore chunks;
    private final SubmissionsConfig config;
    private final SubmissionMetrics metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "submission-loads");
        thread.setDaemon(true);
        return thread;
    });

    public AsyncLoads(ChunkStore chunks, SubmissionsConfig config, SubmissionMetrics metrics) {
        this.chunks = chunks;
        this.config = config;
        this.metrics = metrics;
    }

    void start(UUID submissionId, RowSource rows, IntakePipeline pipeline, Runnable cleanup) {
        worker.execute(() -> load(submissionId, rows, pipeline, cleanup));
    }

    private void load(UUID submissionId, RowSource rows, IntakePipeline pipeline, Runnable cleanup) {
        try {
            IntakePipeline.Chunk last = pipeline.feed(rows, config.chunkRows(),
                    chunk -> commitChunk(submissionId, pipeline, chunk, false));
            metrics.finished(commitChunk(submissionId, pipeline, last, true));
        } catch (RuntimeException e) {
            LOG.errorf(e, "submission %s stopped", submissionId);
            fail(submissionId, e);
        } finally {
            cleanup.run();
        }
    }

    /** @return the submission's status after this chunk */
    private SubmissionStatus commitChunk(UUID submissionId, IntakePipeline pipeline, IntakePipeline.Chunk chunk,
                                         boolean last) {
        return QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds()).call(() -> {
            Submission submission = Submission.findById(submissionId);
            chunks.store(submission, chunk);
            submission.count(pipeline.counts());
            submission.chunksCommitted++;
            if (last) {
                submission.validated(pipeline.counts(), Instant.now());
                chunks.finish(submission);
            }
            return submission.status;
        });
    }

    private void fail(UUID submissionId, RuntimeException e) {
        QuarkusTransaction.requiringNew().run(() -> {
            Submission submission = Submission.findById(submissionId);
            submission.failed(e);
            // the chunks committed stand: what of them is under review waits for its reviewers as usual
            chunks.finish(submission);
        });
        metrics.finished(SubmissionStatus.FAILED);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
