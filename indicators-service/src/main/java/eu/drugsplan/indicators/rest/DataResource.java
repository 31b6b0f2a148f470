package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.catalogue.CatalogueCache;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.format.DataFormat;
import eu.drugsplan.indicators.format.DataMessage;
import eu.drugsplan.indicators.format.DataWriter;
import eu.drugsplan.indicators.format.DataWriters;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.sdmx.data.DataNegotiation;
import eu.drugsplan.indicators.service.DataExports;
import eu.drugsplan.indicators.service.DataQuery;
import eu.drugsplan.indicators.service.HistoryQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The stored data of a measure, filtered by parameters or by an SDMX key, in the format the client accepts,
 * streamed from the database.
 */
@Path("/api/v1/data")
@Tag(name = "Data", description = "The stored time series of the indicators")
public class DataResource {

    private final CatalogueCache catalogue;
    private final DataExports exports;
    private final DataWriters writers;
    private final HistoryQueries history;
    private final DataRequests.Limits limits;

    public DataResource(CatalogueCache catalogue, DataExports exports, DataWriters writers, HistoryQueries history,
                        IndicatorsConfig config) {
        this.catalogue = catalogue;
        this.exports = exports;
        this.writers = writers;
        this.history = history;
        this.limits = new DataRequests.Limits(config.data().maxCodes(), config.data().maxLastObservations());
    }

    @GET
    @Path("{measure}")
    @Operation(summary = "The series of a measure with their observations (JSON, CSV, SDMX-CSV 2.0, SDMX-JSON 2.0)",
            description = "Filters: area, one parameter per dimension (codes comma-separated), startPeriod, endPeriod, "
                    + "lastNObservations, updatedAfter (deletions included), asOf, includeHistory. A result of more "
                    + "than DATA_MAX_OBSERVATIONS (2,000,000) observations is refused with 413.")
    @Parameter(name = "area", in = ParameterIn.QUERY, description = "Area codes, comma-separated: at most 300 "
            + "(DATA_MAX_CODES; the same cap for each dimension parameter and each part of a key), each at most 64 "
            + "characters; 400 past it", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "startPeriod", in = ParameterIn.QUERY, description = "The first period (ISO 8601), inclusive",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "endPeriod", in = ParameterIn.QUERY, description = "The last period (ISO 8601), inclusive",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "lastNObservations", in = ParameterIn.QUERY, description = "Only the latest n observations of "
            + "each series; at most 10000 (DATA_MAX_LAST_N), 400 past it",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000"))
    @Parameter(name = "updatedAfter", in = ParameterIn.QUERY, description = "Only what changed after this instant, deletions included",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "The data as it stood at this instant",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "includeHistory", in = ParameterIn.QUERY, description = "Every version, not only the current one",
            schema = @Schema(type = SchemaType.BOOLEAN))
    // only JSON is described: the other formats are chosen by Accept, and a generated client must not ask for them
    @APIResponse(responseCode = "200", description = "The matching series; text/csv, "
            + "application/vnd.sdmx.data+csv;version=2.0.0 and application/vnd.sdmx.data+json;version=2.0.0 on request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataView.class)))
    public Response data(@PathParam("measure") String measure, @Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(measure, null, uri, headers);
    }

    @GET
    @Path("{measure}/{key}")
    @Operation(summary = "The series matching an SDMX key: REF_AREA then the measure's dimensions, joined by '.', "
            + "'+' for alternatives (at most 300 per part), empty for all")
    @Parameter(name = "area", in = ParameterIn.QUERY, description = "Area codes, comma-separated: at most 300 "
            + "(DATA_MAX_CODES; the same cap for each dimension parameter and each part of a key), each at most 64 "
            + "characters; 400 past it", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "startPeriod", in = ParameterIn.QUERY, description = "The first period (ISO 8601), inclusive",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "endPeriod", in = ParameterIn.QUERY, description = "The last period (ISO 8601), inclusive",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "lastNObservations", in = ParameterIn.QUERY, description = "Only the latest n observations of "
            + "each series; at most 10000 (DATA_MAX_LAST_N), 400 past it",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000"))
    @Parameter(name = "updatedAfter", in = ParameterIn.QUERY, description = "Only what changed after this instant, deletions included",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "The data as it stood at this instant",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "includeHistory", in = ParameterIn.QUERY, description = "Every version, not only the current one",
            schema = @Schema(type = SchemaType.BOOLEAN))
    // only JSON is described: the other formats are chosen by Accept, and a generated client must not ask for them
    @APIResponse(responseCode = "200", description = "The matching series; text/csv, "
            + "application/vnd.sdmx.data+csv;version=2.0.0 and application/vnd.sdmx.data+json;version=2.0.0 on request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataView.class)))
    public Response byKey(@PathParam("measure") String measure, @PathParam("key") String key, @Context UriInfo uri,
                          @Context HttpHeaders headers) {
        return answer(measure, key, uri, headers);
    }

    @GET
    @Path("{measure}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every version of one observation: who changed what, and when")
    public HistoryView history(@PathParam("measure") String measure, @Context UriInfo uri) {
        MeasureView view = measure(catalogue.current(), measure);
        return history.of(view, uri.getQueryParameters());
    }

    private Response answer(String measureCode, String key, UriInfo uri, HttpHeaders headers) {
        Catalogue current = catalogue.current();
        MeasureView measure = measure(current, measureCode);
        DataNegotiation.Choice choice = DataNegotiation.choose(DataNegotiation.acceptable(headers), DataFormat.JSON, null);
        DataFormat format = choice.format();
        DataQuery query = DataRequests.parse(measure, uri.getQueryParameters(), key, limits)
                .inDataSets(format.groupsDataSets());
        exports.admit(query);
        DataMessage message = new DataMessage(query, current, choice.layout());
        StreamingOutput body = out -> {
            try (DataWriter writer = writers.of(format, out, message)) {
                writer.start();
                exports.stream(query, writer::row);
                writer.finish();
            }
        };
        return Response.ok(body, format.mediaType()).build();
    }

    static MeasureView measure(Catalogue catalogue, String code) {
        return catalogue.measure(code).orElseThrow(() -> new ProblemException(Problems.of(Response.Status.NOT_FOUND,
                "unknown-measure", "No measure '" + code + "' in the catalogue; see /api/v1/measures")));
    }
}
