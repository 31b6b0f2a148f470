package eu.drugsplan.reporting.rest;

import eu.drugsplan.reporting.config.TrendsConfig;
import eu.drugsplan.reporting.service.PageRequest;
import eu.drugsplan.reporting.service.TrendFilter;
import eu.drugsplan.reporting.service.TrendQueries;
import eu.drugsplan.reporting.service.TrendStream;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/trends")
@Tag(name = "Trends", description = "Trend methods per series, for dashboards")
public class TrendResource {

    private final TrendQueries queries;
    private final TrendFilters filters;
    private final Conditional conditional;
    private final TrendStream stream;
    private final TrendsConfig config;

    public TrendResource(TrendQueries queries, TrendFilters filters, Conditional conditional, TrendStream stream,
                         TrendsConfig config) {
        this.queries = queries;
        this.filters = filters;
        this.conditional = conditional;
        this.stream = stream;
        this.config = config;
    }

    @GET
    @Path("{measure}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The trend of every matching series of a measure: ?area=AT,BE and one parameter per "
            + "dimension code list, e.g. ?SEX=M,F (comma-separated codes). ?series=headline: only the headline series "
            + "(the measure's headline selection in the catalogue, e.g. STAT=DAILY_MEAN; a dimension named in the "
            + "query overrides its headline code). Conditional with If-None-Match.")
    @Parameter(name = "series", in = ParameterIn.QUERY, description = "'all' (default): every matching series; "
            + "'headline': only the catalogue's headline series for the dimensions not named in the query. 400 otherwise",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "area", in = ParameterIn.QUERY, description = "Area codes, comma-separated: at most 300 "
            + "(TRENDS_MAX_CODES; the same cap for each dimension parameter), each at most 64 characters; 400 past it",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The trends, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrendsView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match tag")
    @APIResponse(responseCode = "400", description = "An unknown dimension, too many codes, or a page larger than "
            + "the maximum", content = @Content(mediaType = "application/problem+json"))
    public Response trends(@PathParam("measure") String measure,
                           @Parameter(description = "Page number, from 1 (default 1); series are in series key order",
                                   schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                           @QueryParam("page") String page,
                           @Parameter(description = "Series per page: at most 500 (TRENDS_MAX_PAGE_SIZE), also the "
                                   + "default; a larger size is a 400 problem (page-too-large)",
                                   schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                           @QueryParam("size") String size,
                           @Context UriInfo uri, @Context Request request) {
        TrendFilter filter = filters.parse(measure, uri.getQueryParameters());
        PageRequest paging = Paging.parse(page, size, config.maxPageSize(), "trends");
        TrendQueries.Matching matching = queries.matching(filter);
        return conditional.answer(request, matching.versionTag(),
                () -> TrendsView.of(measure, paging.page(), paging.size(), matching.count(),
                        queries.trends(filter, paging)));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: every trend change from now on (event 'trend', data the trend JSON, "
            + "id seriesKey@dataVersion), optionally for some measures and areas (comma-separated)")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Measure codes, comma-separated: at most 300 (TRENDS_MAX_CODES), 400 past it")
            @QueryParam("measure") String measure,
            @Parameter(description = "Area codes, comma-separated: at most 300 (TRENDS_MAX_CODES), 400 past it")
            @QueryParam("area") String area,
            @Context Sse sse) {
        Set<String> measures = filters.codes("measure", measure == null ? List.of() : List.of(measure));
        Set<String> areas = filters.codes("area", area == null ? List.of() : List.of(area));
        Multi<OutboundSseEvent> changes = stream.changes(change ->
                        (measures.isEmpty() || measures.contains(change.measure()))
                                && (areas.isEmpty() || areas.contains(change.area())))
                .map(change -> sse.newEventBuilder().name("trend").id(change.seriesKey() + "@" + change.dataVersion())
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, change.trend()).build());
        // a first comment tells the client the subscription is in place; later ones keep idle proxies open
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.streamHeartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(() -> sse.newEventBuilder().comment("subscribed").build());
        return Multi.createBy().merging().streams(changes, heartbeats, hello);
    }
}
