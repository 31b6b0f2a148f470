package eu.drugsplan.submissions.rest;

import eu.drugsplan.submissions.service.ReviewQueries;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reviewers' side of the review: the queue of submissions waiting for their body, and the audit of a series.
 * The steps on one submission (release, return, withdraw, its rows and audit) are in SubmissionResource.
 */
@Path("/api/v1/review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "How submitted data becomes official")
public class ReviewResource {

    private final ReviewQueries reviewQueries;
    private final ReporterIdentity identity;

    public ReviewResource(ReviewQueries reviewQueries, ReporterIdentity identity) {
        this.reviewQueries = reviewQueries;
        this.identity = identity;
    }

    @GET
    @Path("queue")
    @RolesAllowed("reviewer")
    @Operation(summary = "Submissions waiting for the release of a body the token reviews for, oldest first")
    public ReviewQueries.Queue queue(@QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return reviewQueries.queue(identity.reviewingBodies(), size);
    }

    @GET
    @Path("audit")
    @RolesAllowed("reviewer")
    @Operation(summary = "The review steps of every submission that carried rows of a series (its series key)")
    public List<ReviewQueries.AuditEntry> seriesAudit(@QueryParam("series") @NotBlank String series) {
        return reviewQueries.seriesAudit(series);
    }
}
