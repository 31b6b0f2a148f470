package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.catalogue.CatalogueCache;
import eu.drugsplan.indicators.service.CoverageQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Which area reported which period: the completeness of the data")
public class CoverageResource {

    private final CatalogueCache catalogue;
    private final CoverageQueries coverage;

    public CoverageResource(CatalogueCache catalogue, CoverageQueries coverage) {
        this.catalogue = catalogue;
        this.coverage = coverage;
    }

    @GET
    @Operation(summary = "For every area and period of a measure: reported or not, and with which status",
            description = "An answer holds at most 200 periods (COVERAGE_MAX_PERIODS): a wider range, or data in "
                    + "more periods than that, is a 400 that asks to narrow startPeriod and endPeriod.")
    public CoverageView coverage(
            @Parameter(description = "The measure's code") @QueryParam("measure") String measure,
            @Parameter(description = "The first period (ISO 8601), inclusive; with endPeriod at most 200 periods "
                    + "(COVERAGE_MAX_PERIODS)") @QueryParam("startPeriod") String startPeriod,
            @Parameter(description = "The last period (ISO 8601), inclusive; with startPeriod at most 200 periods "
                    + "(COVERAGE_MAX_PERIODS)") @QueryParam("endPeriod") String endPeriod) {
        if (measure == null || measure.isBlank()) {
            throw invalid("'measure' is required");
        }
        Catalogue current = catalogue.current();
        return coverage.of(current, DataResource.measure(current, measure.trim()), period("startPeriod", startPeriod),
                period("endPeriod", endPeriod));
    }

    private static String period(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Period.parse(text.trim()).map(Period::text)
                .orElseThrow(() -> invalid(name + " '" + text + "' is not an ISO 8601 period"));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter", detail));
    }
}
