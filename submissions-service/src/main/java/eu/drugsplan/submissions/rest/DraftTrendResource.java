package eu.drugsplan.submissions.rest;

import eu.drugsplan.submissions.service.DraftTrends;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The draft view of one submission for its reporter and the reviewers: what its release would do to the trends. */
@Path("/api/v1/submissions/{id}/trends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "How submitted data becomes official")
public class DraftTrendResource {

    private final DraftTrends draftTrends;
    private final ReporterIdentity identity;

    public DraftTrendResource(DraftTrends draftTrends, ReporterIdentity identity) {
        this.draftTrends = draftTrends;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(summary = "Per series of the submission, the official trend beside the trend once it is released")
    public DraftTrends.DraftView trends(@PathParam("id") UUID id,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return draftTrends.of(id, identity.viewer(), page, size).orElseThrow(() -> SubmissionResource.notFound(id));
    }
}
