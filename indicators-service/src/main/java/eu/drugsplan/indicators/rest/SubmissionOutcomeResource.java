package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.indicators.repository.FailedEvents;
import eu.drugsplan.indicators.repository.FailedEvents.FailureCounts;
import eu.drugsplan.indicators.repository.ProcessedEvents;
import eu.drugsplan.indicators.repository.ProcessedEvents.SubmissionOutcome;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For submissions-service's timeline: what the store did with a submission's observations, and which of its
 * events it could not apply and why. Internal: the gateway does not route /internal.
 */
@Path("/internal/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service endpoints, not routed by the gateway")
public class SubmissionOutcomeResource {

    /** Failed events listed in one answer; the counts cover them all. */
    static final int FAILURES_SHOWN = 10;

    private final ProcessedEvents processedEvents;
    private final FailedEvents failedEvents;

    public SubmissionOutcomeResource(ProcessedEvents processedEvents, FailedEvents failedEvents) {
        this.processedEvents = processedEvents;
        this.failedEvents = failedEvents;
    }

    /**
     * The store's counts for one submission; a redelivered event is counted once. {@code failed} counts the
     * observations of events that went to the dead-letter topic (until a replay applies them).
     */
    public record SubmissionOutcomeView(UUID submissionId, long applied, long inserted, long revised, long unchanged,
                                        long deleted, long nothingToDelete, Instant lastAppliedAt, long failed,
                                        long failedEvents, List<FailureView> failures) {
    }

    /** One event the store could not apply. */
    public record FailureView(UUID eventId, int observations, String reason, Instant failedAt) {
    }

    @GET
    @Path("{id}/outcome")
    @Operation(summary = "How many of a submission's observations the store applied, with what outcome, and "
            + "which of its events it could not apply and why")
    public SubmissionOutcomeView outcome(@PathParam("id") UUID submissionId) {
        Optional<SubmissionOutcome> applied = processedEvents.outcomeOf(submissionId);
        FailureCounts failed = failedEvents.countsOf(submissionId);
        if (applied.isEmpty() && failed.events() == 0) {
            throw new ProblemException(Problems.of(Response.Status.NOT_FOUND, "no-outcome",
                    "No observation of submission " + submissionId + " has been applied or has failed yet"));
        }
        List<FailureView> failures = failed.events() == 0 ? List.of()
                : failedEvents.ofSubmission(submissionId, FAILURES_SHOWN).stream()
                .map(f -> new FailureView(f.eventId(), f.observations(), f.reason(), f.failedAt())).toList();
        SubmissionOutcome o = applied.orElse(new SubmissionOutcome(submissionId, 0, 0, 0, 0, 0, 0, null));
        return new SubmissionOutcomeView(submissionId, o.applied(), o.inserted(), o.revised(), o.unchanged(),
                o.deleted(), o.nothingToDelete(), o.lastAppliedAt(), failed.observations(), failed.events(), failures);
    }
}
