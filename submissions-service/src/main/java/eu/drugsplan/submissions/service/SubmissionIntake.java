package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.repository.IdempotencyKeys;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.service.review.MeasureReview;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Takes a submission in. Synchronously (JSON, small CSV): every row is validated, accepted rows become
 * observation events in the outbox, and the submission with its conflicts is stored, all in one transaction.
 * Asynchronously (large CSV): the submission is recorded and answered with 202, then {@link AsyncLoads}
 * commits it chunk by chunk. A dry run validates the same way and stores nothing.
 */
@ApplicationScoped
public class SubmissionIntake {

    private final CatalogueCache catalogue;
    private final ChunkStore chunks;
    private final IdempotencyKeys idempotencyKeys;
    private final AsyncLoads asyncLoads;
    private final SubmissionsConfig config;
    private final ObjectWriter eventWriter;
    private final SubmissionMetrics metrics;
    private final ChunkPlausibility plausibility;

    public SubmissionIntake(CatalogueCache catalogue, ChunkStore chunks, IdempotencyKeys idempotencyKeys,
                            AsyncLoads asyncLoads, SubmissionsConfig config, ObjectMapper json,
                            SubmissionMetrics metrics, ChunkPlausibility plausibility) {
        this.catalogue = catalogue;
        this.chunks = chunks;
        this.idempotencyKeys = idempotencyKeys;
        this.asyncLoads = asyncLoads;
        this.config = config;
        this.eventWriter = json.writerFor(ObservationEvent.class);
        this.metrics = metrics;
        this.plausibility = plausibility;
    }

    public IntakeResult submit(IntakeRequest request) {
        Catalogue snapshot = catalogue.current();
        Submission submission = open(request);
        List<String> notes = request.rows().notes();
        submission.notes = notes.isEmpty() ? null : String.join("\n", notes);
        RowValidator validator = new RowValidator(snapshot, ReporterRights.of(request.reporter(), snapshot),
                years(submission));
        IntakePipeline pipeline = new IntakePipeline(validator, eventWriter, submission.id, submission.reporter,
                submission.receivedAt, config.maxConflictsShown(), config.observationsPerEvent(),
                config.eventMaxBytes(), new SubmissionKeys(config.maxDistinctKeys()),
                plausibility.forCatalogue(snapshot), measure -> snapshot.measure(measure).map(Catalogue.Measure::review)
                        .orElse(MeasureReview.DEFAULT).heldFor(request.reporter()));
        if (request.dryRun()) {
            return dryRun(request, submission, pipeline);
        }
        try {
            if (request.async()) {
                return startAsync(request, submission, pipeline);
            }
            IntakeResult stored = QuarkusTransaction.requiringNew().timeout(timeoutSeconds())
                    .call(() -> storeAll(request, submission, pipeline));
            metrics.finished(submission.status);
            return stored;
        } catch (RuntimeException e) {
            throw duplicateKeyAsConflict(e);
        }
    }

    private IntakeResult dryRun(IntakeRequest request, Submission submission, IntakePipeline pipeline) {
        try {
            // the last chunk is checked too: a dry run shows the warnings a submission would draw
            pipeline.feed(request.rows(), config.chunkRows(), chunk -> { });
        } finally {
            request.cleanup().run();
        }
        submission.validated(pipeline.counts(), Instant.now());
        metrics.dryRun();
        return new IntakeResult(Response.Status.OK.getStatusCode(), SubmissionSummary.dryRun(submission,
                pipeline.shownConflicts(), pipeline.shownWarnings()));
    }

    private IntakeResult storeAll(IntakeRequest request, Submission submission, IntakePipeline pipeline) {
        submission.persistAndFlush();
        remember(request, submission, Response.Status.CREATED);
        IntakePipeline.Chunk last;
        try {
            last = pipeline.feed(request.rows(), config.chunkRows(), chunk -> chunks.store(submission, chunk));
        } finally {
            request.cleanup().run();
        }
        chunks.store(submission, last);
        submission.validated(pipeline.counts(), Instant.now());
        chunks.finish(submission);
        submission.chunksCommitted = 1;
        return new IntakeResult(Response.Status.CREATED.getStatusCode(), SubmissionSummary.of(submission,
                pipeline.shownConflicts(), pipeline.shownWarnings()));
    }

    private IntakeResult startAsync(IntakeRequest request, Submission submission, IntakePipeline pipeline) {
        submission.processing();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                submission.persist();
                remember(request, submission, Response.Status.ACCEPTED);
            });
        } catch (RuntimeException e) {
            request.rows().close();
            request.cleanup().run();
            throw e;
        }
        asyncLoads.start(submission.id, request.rows(), pipeline, request.cleanup());
        return new IntakeResult(Response.Status.ACCEPTED.getStatusCode(), SubmissionSummary.of(submission, List.of(), List.of()));
    }

    private static Submission open(IntakeRequest request) {
        return Submission.received(request.reporter(), request.submittedBy(), request.mediaType(), Instant.now());
    }

    private void remember(IntakeRequest request, Submission submission, Response.Status answer) {
        request.idempotencyKey().ifPresent(key -> idempotencyKeys.remember(submission.reporter, key,
                new IdempotencyKeys.Remembered(request.requestHash(), submission.id, answer.getStatusCode())));
    }

    /** The years a period may lie in, relative to the year (UTC) the submission was received. */
    private PeriodRange years(Submission submission) {
        return PeriodRange.upTo(config.period().earliestYear(), submission.receivedAt.atZone(ZoneOffset.UTC).getYear(),
                config.period().latestYearOffset());
    }

    int timeoutSeconds() {
        return (int) config.transactionTimeout().toSeconds();
    }

    /** Two requests with one Idempotency-Key at the same moment: the second loses on the primary key. */
    private static RuntimeException duplicateKeyAsConflict(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("idempotency_key")) {
                return new ProblemException(Problems.of(Response.Status.CONFLICT, "idempotency-key-in-use",
                        "Another request with this Idempotency-Key is being processed; retry to get its answer."));
            }
        }
        return e;
    }
}
