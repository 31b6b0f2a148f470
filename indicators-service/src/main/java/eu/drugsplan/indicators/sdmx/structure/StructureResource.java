package eu.drugsplan.indicators.sdmx.structure;

import eu.drugsplan.indicators.sdmx.SdmxApi;
import eu.drugsplan.indicators.sdmx.SdmxException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * SDMX structure and availability queries of both APIs (docs/sdmx.md): SDMX REST 1.5.0 at /sdmx/2.1
 * ({@code /{resource}/{agencyID}/{resourceID}/{version}/{itemID}}) and SDMX REST 2.x at /sdmx/3.0
 * ({@code /structure/{artefactType}/{agencyID}/{resourceID}/{version}/{itemID}}), generated from the catalogue.
 */
@Path("/sdmx")
// described in the OpenAPI document by META-INF/openapi.yaml in SDMX REST's own path templates, not by annotations:
// the optional trailing segments ({rest}) are no template a client knows (the package is not scanned)
public class StructureResource {

    private static final String RESOURCES_21 = "dataflow|datastructure|codelist|conceptscheme|agencyscheme|contentconstraint|actualconstraint|allowedconstraint|structure";
    private static final String TYPES_30 = "dataflow|datastructure|codelist|conceptscheme|agencyscheme|dataconstraint|\\*";

    private final StructureAnswers answers;

    public StructureResource(StructureAnswers answers) {
        this.answers = answers;
    }

    @GET
    @Path("2.1/{resource: " + RESOURCES_21 + "}{rest: (/.*)?}")
    public Response structure21(@PathParam("resource") String resource, @PathParam("rest") String rest,
                                @QueryParam("detail") String detail, @QueryParam("references") String references,
                                @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Set<ArtefactType> types;
        if (resource.equals("structure")) {
            types = StructureQuery.allTypes();
        } else if (resource.equals("allowedconstraint")) {
            // the suite states no allowed content beyond its code lists: a valid query that finds nothing
            throw SdmxException.noResults("No allowed content constraints are defined; the code lists say what is allowed.");
        } else {
            types = Set.of(ArtefactType.ofResource(resource, false).orElseThrow());
        }
        return answers.structures(StructureQuery.of(SdmxApi.V2_1, types, segments(rest), detail, references), accept, format);
    }

    @GET
    @Path("3.0/structure/{type: " + TYPES_30 + "}{rest: (/.*)?}")
    public Response structure30(@PathParam("type") String type, @PathParam("rest") String rest,
                                @QueryParam("detail") String detail, @QueryParam("references") String references,
                                @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Set<ArtefactType> types = type.equals("*") ? StructureQuery.allTypes()
                : Set.of(ArtefactType.ofResource(type, true).orElseThrow());
        return answers.structures(StructureQuery.of(SdmxApi.V3_0, types, segments(rest), detail, references), accept, format);
    }

    @GET
    @Path("2.1/availableconstraint/{flow}{rest: (/.*)?}")
    public Response available21(@PathParam("flow") String flow, @PathParam("rest") String rest,
                                @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<String> parts = segments(rest);
        return answers.availability(SdmxApi.V2_1, flowId(flow), part(parts, 0), part(parts, 2), accept, format);
    }

    @GET
    @Path("3.0/availability/dataflow/{agency}/{flow}{rest: (/.*)?}")
    public Response available30(@PathParam("agency") String agency, @PathParam("flow") String flow,
                                @PathParam("rest") String rest, @QueryParam("format") String format,
                                @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<String> parts = segments(rest);
        return answers.availability(SdmxApi.V3_0, flow, part(parts, 1), part(parts, 2), accept, format);
    }

    /** A 2.1 flowRef: {@code ID}, {@code AGENCY,ID} or {@code AGENCY,ID,VERSION}. */
    static String flowId(String flowRef) {
        String[] parts = flowRef.split(",");
        return parts.length == 1 ? parts[0] : parts[1];
    }

    private static String part(List<String> parts, int i) {
        return i < parts.size() ? parts.get(i) : null;
    }

    static List<String> segments(String rest) {
        if (rest == null || rest.isEmpty() || rest.equals("/")) {
            return List.of();
        }
        return Arrays.asList(rest.substring(1).split("/", -1));
    }
}
