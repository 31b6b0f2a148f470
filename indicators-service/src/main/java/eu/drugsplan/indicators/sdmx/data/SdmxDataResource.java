package eu.drugsplan.indicators.sdmx.data;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.sdmx.SdmxException;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.catalogue.CatalogueCache;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.format.DataFormat;
import eu.drugsplan.indicators.format.DataLayout;
import eu.drugsplan.indicators.format.DataMessage;
import eu.drugsplan.indicators.format.DataWriter;
import eu.drugsplan.indicators.format.DataWriters;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.rest.DataRequests;
import eu.drugsplan.indicators.service.DataExports;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * SDMX REST data queries: {@code /sdmx/2.1/data/{flowRef}/{key}/{providerRef}} (SDMX REST 1.5.0) and
 * {@code /sdmx/3.0/data/dataflow/{agency}/{id}/{version}/{key}} (SDMX REST 2.x), answered from the same store and
 * writers as {@code /api/v1/data}: SDMX-ML 2.1 (GenericData by default in 2.1), SDMX-JSON 2.0.0 (the default in
 * 3.0) and SDMX-CSV 2.0.0, by Accept or {@code format=}. No results is a 404 in 1.5.0 and a 204 in 2.x, as each
 * specifies; more than DATA_MAX_OBSERVATIONS is a 413.
 */
// described in the OpenAPI document by META-INF/openapi.yaml in SDMX REST's own path templates (with the shorter
// forms these methods also serve said in the text), not by annotations: the package is not scanned
@Path("/sdmx")
public class SdmxDataResource {

    private final CatalogueCache catalogue;
    private final DataExports exports;
    private final DataWriters writers;
    private final DataRequests.Limits limits;

    public SdmxDataResource(CatalogueCache catalogue, DataExports exports, DataWriters writers, IndicatorsConfig config) {
        this.catalogue = catalogue;
        this.exports = exports;
        this.writers = writers;
        this.limits = new DataRequests.Limits(config.data().maxCodes(), config.data().maxLastObservations());
    }

    @GET
    @Path("2.1/data/{flowRef}")
    public Response dataflowData(@PathParam("flowRef") String flowRef, @Context UriInfo uri, @Context HttpHeaders headers) {
        return dataByProvider(flowRef, "all", "all", uri, headers);
    }

    @GET
    @Path("2.1/data/{flowRef}/{key}")
    public Response dataByKey(@PathParam("flowRef") String flowRef, @PathParam("key") String key, @Context UriInfo uri,
                              @Context HttpHeaders headers) {
        return dataByProvider(flowRef, key, "all", uri, headers);
    }

    @GET
    @Path("2.1/data/{flowRef}/{key}/{providerRef}")
    public Response dataByProvider(@PathParam("flowRef") String flowRef, @PathParam("key") String key,
                           @PathParam("providerRef") String providerRef, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        String[] parts = flowRef.split(",", -1);
        String agency = parts.length > 1 ? parts[0] : "all";
        String id = parts.length > 1 ? parts[1] : parts[0];
        String version = parts.length > 2 ? parts[2] : "latest";
        if (parts.length > 3) {
            throw DataRequests.invalid("flowRef is ID, AGENCY,ID or AGENCY,ID,VERSION; '" + flowRef + "' is none");
        }
        MeasureView measure = dataflow(agency, id, version, "all", "latest");
        if (!providerRef.equals("all") && !providerRef.equals(SdmxIds.AGENCY)
                && !providerRef.equals(SdmxIds.AGENCY + ",all")) {
            throw noResults("No data provider " + providerRef + " provides " + id + "; ask for 'all'");
        }
        return answer(measure, key, uri, headers, false);
    }

    @GET
    @Path("3.0/data/dataflow/{agency}/{id}")
    public Response dataflowData30(@PathParam("agency") String agency, @PathParam("id") String id, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        return dataByKey30(agency, id, "~", "*", uri, headers);
    }

    @GET
    @Path("3.0/data/dataflow/{agency}/{id}/{version}")
    public Response dataflowVersionData30(@PathParam("agency") String agency, @PathParam("id") String id,
                           @PathParam("version") String version, @Context UriInfo uri, @Context HttpHeaders headers) {
        return dataByKey30(agency, id, version, "*", uri, headers);
    }

    @GET
    @Path("3.0/data/dataflow/{agency}/{id}/{version}/{key}")
    public Response dataByKey30(@PathParam("agency") String agency, @PathParam("id") String id,
                           @PathParam("version") String version, @PathParam("key") String key, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        MeasureView measure = dataflow(agency, id, version, "*", "~");
        return answer(measure, key, uri, headers, true);
    }

    private Response answer(MeasureView measure, String key, UriInfo uri, HttpHeaders headers, boolean v3) {
        DataNegotiation.Choice choice = DataNegotiation.choose(DataNegotiation.acceptable(headers),
                v3 ? DataFormat.SDMX_JSON : DataFormat.GENERIC_DATA, uri.getQueryParameters().getFirst("format"));
        // the suite's own JSON and CSV are not SDMX: under /sdmx, JSON and CSV mean their SDMX forms
        DataFormat format = switch (choice.format()) {
            case JSON -> DataFormat.SDMX_JSON;
            case CSV -> DataFormat.SDMX_CSV;
            default -> choice.format();
        };
        SdmxDataRequest.Parsed parsed = SdmxDataRequest.parse(measure, key, uri.getQueryParameters(), v3, limits);
        DataLayout layout = parsed.layout();
        if (format == DataFormat.SDMX_CSV) {
            layout = choice.layout().with(layout.atObservation(), layout.detail());
        }
        if (!layout.timeSeries() && (format == DataFormat.GENERIC_TIME_SERIES_DATA
                || format == DataFormat.STRUCTURE_SPECIFIC_TIME_SERIES_DATA)) {
            throw DataRequests.invalid("The time-series formats carry TIME_PERIOD at the observation level; "
                    + "dimensionAtObservation=" + layout.atObservation() + " needs GenericData or StructureSpecificData");
        }
        if (exports.admit(parsed.query()) == 0) {
            if (v3) {
                // SDMX REST 2.x: an empty result is "an empty but still healthy state", 204
                return Response.noContent().build();
            }
            throw noResults("No data of " + SdmxIds.dataflowId(measure.code()) + " matches the query");
        }
        Catalogue current = catalogue.current();
        DataMessage message = new DataMessage(parsed.query(), current, layout);
        StreamingOutput body = out -> {
            try (DataWriter writer = writers.of(format, out, message)) {
                writer.start();
                exports.stream(parsed.query(), writer::row);
                writer.finish();
            }
        };
        return Response.ok(body, format.mediaType()).build();
    }

    /** The measure published as a dataflow; any other agency, id or version is no results (404). */
    private MeasureView dataflow(String agency, String id, String version, String anyAgency, String latest) {
        if (!agency.equals(anyAgency) && !agency.equals("all") && !agency.equals(SdmxIds.AGENCY)) {
            throw noResults("No agency " + agency + " here; the suite's agency is " + SdmxIds.AGENCY);
        }
        if (!version.equals(latest) && !version.equals("latest") && !version.equals("all") && !version.equals("*")
                && !version.equals("~") && !SdmxIds.isOurVersion(version)) {
            throw noResults("Dataflow " + id + " has one version, 1.0 (1.0.0 in SDMX 3.0); not " + version);
        }
        Catalogue current = catalogue.current();
        String code = SdmxIds.measuresByDataflow(current.measures().keySet()).get(id);
        if (code == null) {
            throw noResults("No dataflow " + id + "; the dataflows are listed at /sdmx/2.1/dataflow");
        }
        return current.measure(code).orElseThrow();
    }

    private static SdmxException noResults(String detail) {
        return SdmxException.noResults(detail);
    }
}
