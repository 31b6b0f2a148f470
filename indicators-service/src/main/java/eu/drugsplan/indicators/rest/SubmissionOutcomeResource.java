package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.indicators.repository.ProcessedEvents;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For submissions-service's timeline: what the store did with a submission's observations. Internal: the
 * gateway does not route /internal.
 */
@Path("/internal/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service endpoints, not routed by the gateway")
public class SubmissionOutcomeResource {

    private final ProcessedEvents processedEvents;

    public SubmissionOutcomeResource(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    /** The store's counts for one submission; a redelivered event is counted once. */
    public record SubmissionOutcomeView(UUID submissionId, long applied, long inserted, long revised, long unchanged,
                                        long deleted, long nothingToDelete, Instant lastAppliedAt) {
    }

    @GET
    @Path("{id}/outcome")
    @Operation(summary = "How many of a submission's observations the store applied, and with what outcome")
    public SubmissionOutcomeView outcome(@PathParam("id") UUID submissionId) {
        return processedEvents.outcomeOf(submissionId)
                .map(o -> new SubmissionOutcomeView(o.submissionId(), o.applied(), o.inserted(), o.revised(),
                        o.unchanged(), o.deleted(), o.nothingToDelete(), o.lastAppliedAt()))
                .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no-outcome",
                        "No observation of submission " + submissionId + " has been applied yet")));
    }
}
