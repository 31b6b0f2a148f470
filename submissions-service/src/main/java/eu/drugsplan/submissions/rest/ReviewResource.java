package eu.drugsplan.submissions.rest;

import eu.drugsplan.contracts.problem.Problem;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.service.ReviewQueries;
import eu.drugsplan.submissions.service.ReviewService;
import eu.drugsplan.submissions.service.ReviewView;
import eu.drugsplan.submissions.service.review.Actor;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reviewers' side of the review: the queue of submissions waiting for their body, release or return of many at
 * once, and the audit of a series. The steps on one submission (release, return, withdraw, its rows and audit) are
 * in SubmissionResource.
 */
@Path("/api/v1/review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "How submitted data becomes official")
public class ReviewResource {

    /**
     * What one submission of a bulk step came to: its review state after it, or the problem that refused it (the
     * same problem the step on that one submission alone answers).
     */
    public record Outcome(UUID submission, int status, ReviewView review, Problem problem) {
    }

    public record Outcomes(int applied, int refused, List<Outcome> outcomes) {

        static Outcomes of(List<Outcome> outcomes) {
            int refused = (int) outcomes.stream().filter(o -> o.problem() != null).count();
            return new Outcomes(outcomes.size() - refused, refused, outcomes);
        }
    }

    private final ReviewQueries reviewQueries;
    private final ReviewService review;
    private final ReporterIdentity identity;

    public ReviewResource(ReviewQueries reviewQueries, ReviewService review, ReporterIdentity identity) {
        this.reviewQueries = reviewQueries;
        this.review = review;
        this.identity = identity;
    }

    @POST
    @Path("release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    @Operation(summary = "Release many submissions at once, each as its own release would (one refused leaves the "
            + "others released); the answer says what each came to")
    public Outcomes releaseMany(@Valid @NotNull ReviewRequests.ReleaseMany body) {
        Actor actor = identity.actor();
        return each(body.submissions(), id -> review.release(id, actor, body.publishAt(), body.note()));
    }

    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    @Operation(summary = "Return many submissions at once with one comment, each as its own return would")
    public Outcomes returnMany(@Valid @NotNull ReviewRequests.ReturnMany body) {
        Actor actor = identity.actor();
        return each(body.submissions(), id -> review.returnToReporter(id, actor, body.comment(), List.of()));
    }

    /** Each step in its own transaction (ReviewService's), in the order asked, a submission named twice once. */
    private static Outcomes each(List<UUID> ids, Function<UUID, Submission> step) {
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            try {
                Submission s = step.apply(id);
                outcomes.add(new Outcome(id, 200, ReviewView.of(s), null));
            } catch (ProblemException refused) {
                outcomes.add(new Outcome(id, refused.problem().status(), null, refused.problem()));
            }
        }
        return Outcomes.of(outcomes);
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
