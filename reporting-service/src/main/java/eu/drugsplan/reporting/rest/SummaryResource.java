package eu.drugsplan.reporting.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.reporting.config.TrendsConfig;
import eu.drugsplan.reporting.service.MeasureCatalogue;
import eu.drugsplan.reporting.service.MeasureFacts;
import eu.drugsplan.reporting.service.PageRequest;
import eu.drugsplan.reporting.service.Summaries;
import eu.drugsplan.reporting.service.SummaryView.AreaSummary;
import eu.drugsplan.reporting.service.SummaryView.IndicatorSummary;
import eu.drugsplan.reporting.service.SummaryView.IndicatorsSummary;
import eu.drugsplan.reporting.service.SummaryView.MeasureSummary;
import eu.drugsplan.reporting.service.TrendFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What each dashboard view shows, computed here instead of in the browser from whole trend documents. Every answer
 * is conditional (ETag, If-None-Match, 304).
 */
@Path("/api/v1/summaries")
@Tag(name = "Summaries", description = "Headline series' latest values and assessments, EU totals with their "
        + "coverage, counts by assessment: per indicator, measure and country")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    private final Summaries summaries;
    private final TrendFilters filters;
    private final MeasureCatalogue catalogue;
    private final Conditional conditional;
    private final TrendsConfig config;

    public SummaryResource(Summaries summaries, TrendFilters filters, MeasureCatalogue catalogue,
                           Conditional conditional, TrendsConfig config) {
        this.summaries = summaries;
        this.filters = filters;
        this.catalogue = catalogue;
        this.conditional = conditional;
        this.config = config;
    }

    @GET
    @Path("indicators")
    @Operation(summary = "Every indicator and measure of the catalogue (those without data too): headline series "
            + "counted by overall assessment, and each measure's computed EU totals with their coverage")
    @APIResponse(responseCode = "200", description = "The indicators, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorsSummary.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    public Response indicators(@Context Request request) {
        return conditional.answer(request, summaries.versionTag(), summaries::indicators);
    }

    @GET
    @Path("indicators/{indicator}")
    @Operation(summary = "One indicator: its headline counts and its measures' counts and EU totals")
    @APIResponse(responseCode = "200", description = "The indicator, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorSummary.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    @APIResponse(responseCode = "404", description = "No such indicator",
            content = @Content(mediaType = "application/problem+json"))
    public Response indicator(@PathParam("indicator") String indicator, @Context Request request) {
        return conditional.answer(request, summaries.versionTag() + "-" + indicator.hashCode(), () -> {
            IndicatorSummary summary = summaries.indicator(indicator);
            if (summary == null) {
                throw new ProblemException(Problems.of(Response.Status.NOT_FOUND, "unknown-indicator",
                        "There is no indicator '" + indicator + "' (GET /api/v1/indicators lists them)."));
            }
            return summary;
        });
    }

    @GET
    @Path("measures/{measure}")
    @Operation(summary = "One measure: its headline series ranked by latest value (largest first), each with its "
            + "area's group (EU Member State, Reitox partner, other country), latest point and labels; its computed EU "
            + "totals with the Member States reporting each period; counts by assessment. Filters as on the trend "
            + "list (?area=, one parameter per dimension), ?series=all for every series")
    @Parameter(name = "series", in = ParameterIn.QUERY, description = "'headline' (default): the catalogue's "
            + "headline series for the dimensions not named; 'all': every series. 400 otherwise",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "area", in = ParameterIn.QUERY, description = "Area codes, comma-separated (at most 300)",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The measure, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasureSummary.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    @APIResponse(responseCode = "400", description = "An unknown dimension, too many codes, or a page larger than "
            + "the maximum", content = @Content(mediaType = "application/problem+json"))
    public Response measure(@PathParam("measure") String measure,
                            @Parameter(description = "Page number, from 1 (default 1)",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                            @QueryParam("page") String page,
                            @Parameter(description = "Series per page: at most 2000 (SUMMARIES_MAX_PAGE_SIZE), also "
                                    + "the default; a larger size is a 400 problem (page-too-large)",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2000"))
                            @QueryParam("size") String size,
                            @Context UriInfo uri, @Context Request request) {
        TrendFilter filter = filters.parse(measure, uri.getQueryParameters(), SeriesScope.HEADLINE);
        PageRequest paging = Paging.parse(page, size, config.summaryMaxPageSize(), "a summary");
        MeasureFacts facts = catalogue.facts(measure);
        // the tag names the whole question, not only the measure: another page or filter is another answer
        return conditional.answer(request, summaries.versionTag() + "-"
                        + Integer.toHexString(Objects.hash(facts.toString(), filter, paging)),
                () -> summaries.measure(filter, facts, paging));
    }

    @GET
    @Path("areas/{area}")
    @Operation(summary = "One country with its sub-national areas (waste-water sites), or an aggregate: its headline "
            + "series across every indicator, each with its latest point and labels; counts by assessment")
    @APIResponse(responseCode = "200", description = "The area, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AreaSummary.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    @APIResponse(responseCode = "400", description = "A page larger than the maximum",
            content = @Content(mediaType = "application/problem+json"))
    public Response area(@PathParam("area") String area,
                         @Parameter(description = "Page number, from 1 (default 1)",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                         @QueryParam("page") String page,
                         @Parameter(description = "Series per page: at most 2000 (SUMMARIES_MAX_PAGE_SIZE), also the "
                                 + "default; a larger size is a 400 problem (page-too-large)",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2000"))
                         @QueryParam("size") String size,
                         @Context Request request) {
        String code = filters.codes("area", java.util.List.of(area)).stream().findFirst().orElse(area);
        PageRequest paging = Paging.parse(page, size, config.summaryMaxPageSize(), "a summary");
        return conditional.answer(request, summaries.versionTag() + "-" + Integer.toHexString(Objects.hash(code, paging)),
                () -> summaries.area(code, paging));
    }
}
