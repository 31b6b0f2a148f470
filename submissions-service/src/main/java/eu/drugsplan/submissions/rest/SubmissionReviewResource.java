package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.submissions.service.ReviewQueries;
import eu.drugsplan.submissions.service.ReviewService;
import eu.drugsplan.submissions.service.SubmissionQueries;
import eu.drugsplan.submissions.service.SubmissionStatusView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The review of one submission: release, return, accepting its warnings, withdrawal, and what a reviewer reads of
 * it (its rows beside the official values, its audit). Each action answers the submission's status as
 * {@code GET /api/v1/submissions/{id}} does.
 */
@Path("/api/v1/submissions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "How focal points and agencies send data")
public class SubmissionReviewResource {

    private final ReviewService review;
    private final ReviewQueries reviewQueries;
    private final SubmissionQueries queries;
    private final ReporterIdentity identity;

    public SubmissionReviewResource(ReviewService review, ReviewQueries reviewQueries, SubmissionQueries queries,
                                    ReporterIdentity identity) {
        this.review = review;
        this.reviewQueries = reviewQueries;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Path("release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Release a submission under review (a reviewer of one of its reviewing bodies, never its "
            + "submitter); with publishAt it becomes official then, exactly once. Releasing again changes nothing")
    public SubmissionStatusView release(@PathParam("id") UUID id, @Valid ReviewRequests.Release body) {
        ReviewRequests.Release request = body == null ? new ReviewRequests.Release(null, null) : body;
        review.release(id, identity.actor(), request.publishAt(), request.note());
        return get(id);
    }

    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Return a submission under review to its reporter, with a comment and comments per row; "
            + "its rows never become official (a correction is a new submission)")
    public SubmissionStatusView returnToReporter(@PathParam("id") UUID id, @Valid ReviewRequests.Return body) {
        if (body == null) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-body",
                    "A return needs a body with a comment."));
        }
        List<ReviewService.RowNote> rows = body.rows() == null ? List.of()
                : body.rows().stream().map(ReviewRequests.Row::note).toList();
        review.returnToReporter(id, identity.actor(), body.comment(), rows);
        return get(id);
    }

    @POST
    @Path("warnings/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Accept plausibility warnings of a submission in review with a note (a reviewer of one of "
            + "its bodies, never its submitter): the warnings stay, with who accepted them and why. All or none; "
            + "accepting again changes nothing")
    public SubmissionStatusView acceptWarnings(@PathParam("id") UUID id, @Valid ReviewRequests.AcceptWarnings body) {
        if (body == null) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-body",
                    "An acceptance needs a body naming the warnings and a note."));
        }
        review.acceptWarnings(id, identity.actor(), body.warnings().stream().map(ReviewRequests.WarningOnRow::ref)
                .toList(), body.note());
        return get(id);
    }

    @POST
    @Path("withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("submitter")
    @Operation(summary = "Withdraw a submission that is not released (its reporter); its rows never become official")
    public SubmissionStatusView withdraw(@PathParam("id") UUID id, @Valid ReviewRequests.Withdraw body) {
        review.withdraw(id, identity.actor(), body == null ? null : body.note());
        return get(id);
    }

    @GET
    @Path("rows")
    @Authenticated
    @Operation(summary = "The accepted rows of a reviewed submission beside the value official now (old -> new)")
    public ReviewQueries.RowPage rows(@PathParam("id") UUID id,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return reviewQueries.rows(id, identity.viewer(), page, size).orElseThrow(() -> SubmissionResource.notFound(id));
    }

    @GET
    @Path("audit")
    @Authenticated
    @Operation(summary = "Every review step of a submission: who, when, why")
    public List<ReviewQueries.AuditEntry> audit(@PathParam("id") UUID id) {
        return reviewQueries.audit(id, identity.viewer()).orElseThrow(() -> SubmissionResource.notFound(id));
    }

    private SubmissionStatusView get(UUID id) {
        return queries.find(id, identity.viewer()).orElseThrow(() -> SubmissionResource.notFound(id));
    }
}
