package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.service.Catalogue;
import eu.drugsplan.submissions.service.CatalogueCache;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The view with drafts of one measure (issue 16): public reads show official data only; the reporter and the
 * reviewers ask for this view - at this path, or with {@code view=draft} on the data and trend reads, which the
 * gateway sends here - to see what the rows not yet official would change.
 */
@Path("/api/v1/submissions/drafts/{measure}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "How submitted data becomes official")
public class MeasureDraftResource {

    private static final Set<String> GENERAL = Set.of("area", "page", "size");
    private static final int CODE = 64;

    private final DraftTrends draftTrends;
    private final CatalogueCache catalogue;
    private final ReporterIdentity identity;

    public MeasureDraftResource(DraftTrends draftTrends, CatalogueCache catalogue, ReporterIdentity identity) {
        this.draftTrends = draftTrends;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(summary = "The measure's series with rows not yet official, the official trend beside the draft "
            + "trend; a reporter sees its own rows, a reviewer every reporter's")
    public DraftTrends.MeasureDrafts drafts(
            @PathParam("measure") String measure,
            @QueryParam("area") @Parameter(description = "One reference area; absent: every area") String area,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Context UriInfo uri) {
        Catalogue.Measure known = catalogue.current().measure(measure).orElseThrow(() -> new ProblemException(
                Problems.of(Response.Status.NOT_FOUND, "measure-not-found", "No measure " + measure + ".")));
        return draftTrends.ofMeasure(known.code(), single("area", area), dimensions(known, uri.getQueryParameters()),
                identity.viewer(), page, size);
    }

    /** Every other parameter is one of the measure's dimensions with one code, as in the data API. */
    private static Map<String, String> dimensions(Catalogue.Measure measure, MultivaluedMap<String, String> parameters) {
        Map<String, String> dimensions = new TreeMap<>();
        parameters.forEach((name, values) -> {
            if (GENERAL.contains(name)) {
                return;
            }
            if (!measure.dimensions().contains(name)) {
                throw badRequest("unknown-parameter", "Unknown parameter " + name + ": area, page, size"
                        + (measure.dimensions().isEmpty() ? "" : " and the dimensions " + String.join(", ",
                        measure.dimensions())) + " of " + measure.code() + " are known.");
            }
            dimensions.put(name, single(name, values.size() == 1 ? values.get(0) : String.join(",", values)));
        });
        return dimensions;
    }

    private static String single(String name, String code) {
        if (code == null) {
            return null;
        }
        if (code.isEmpty() || code.length() > CODE || code.contains(",") || code.contains("+")
                || !code.chars().allMatch(c -> c == '_' || c == '-' || Character.isLetterOrDigit(c) && c < 128)) {
            throw badRequest("invalid-parameter", name + " takes one code (letters, digits, '_' or '-', at most "
                    + CODE + " characters) in the view with drafts.");
        }
        return code;
    }

    private static ProblemException badRequest(String type, String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, type, detail));
    }
}
