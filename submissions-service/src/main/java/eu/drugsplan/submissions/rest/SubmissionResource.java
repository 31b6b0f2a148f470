package eu.drugsplan.submissions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.service.SubmissionIntake;
import eu.drugsplan.submissions.service.SubmissionQueries;
import eu.drugsplan.submissions.service.SubmissionSummary;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "How focal points and agencies send data")
public class SubmissionResource {

    private final SubmissionIntake intake;
    private final SubmissionQueries queries;
    private final ReporterIdentity identity;
    private final SubmissionsConfig config;

    public SubmissionResource(SubmissionIntake intake, SubmissionQueries queries, ReporterIdentity identity,
                              SubmissionsConfig config) {
        this.intake = intake;
        this.queries = queries;
        this.identity = identity;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("submitter")
    @Operation(summary = "Submit observations as JSON; the answer is the import summary")
    public Response submitJson(@Valid @NotNull SubmissionRequest request, UriInfo uri) {
        if (request.observations().size() > config.maxJsonRows()) {
            throw new ProblemException(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-many-rows",
                    "A JSON submission holds at most " + config.maxJsonRows() + " rows; send larger loads as CSV."));
        }
        SubmissionSummary summary = intake.submit(identity.reporter(), MediaType.APPLICATION_JSON, rows(request));
        return Response.created(uri.getAbsolutePathBuilder().path(summary.id().toString()).build())
                .entity(summary).build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "The import summary of one submission (own submissions, or any for a reviewer)")
    public SubmissionSummary get(@PathParam("id") UUID id) {
        return queries.find(id, identity.reporter(), identity.isReviewer())
                .orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND, "submission-not-found",
                        "No submission " + id + " that you may see.")));
    }

    private static List<ObservationRow> rows(SubmissionRequest request) {
        List<ObservationRow> rows = new ArrayList<>(request.observations().size());
        for (int i = 0; i < request.observations().size(); i++) {
            ObservationInput in = request.observations().get(i);
            String pointer = "/observations/" + i;
            if (in == null) {
                rows.add(new ObservationRow(pointer, null, null, null, Map.of(), null, null, null, null));
                continue;
            }
            rows.add(new ObservationRow(pointer, in.measure(), in.area(), in.period(),
                    in.dimensions() == null ? Map.of() : in.dimensions(), text(in.value()), in.status(), in.comment(),
                    in.action()));
        }
        return rows;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
