package eu.drugsplan.indicators.sdmx;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every path under /sdmx that no SDMX resource serves: a standard resource of the API that the suite chooses
 * not to serve is a 501 (SDMX REST: "all SDMX web services should implement all the standard interfaces, even if
 * their only function is to return this error message"), anything else a 404, both as SDMX error messages and
 * never the framework's HTML page. docs/sdmx.md lists which resource is which.
 * <p>
 * Hidden from the OpenAPI document (besides the package not being scanned, see META-INF/openapi.yaml): a catch-all
 * {@code /sdmx/{rest}} is no route of SDMX REST, and described it would tell clients and the route generators of the
 * tests that any path under /sdmx is an operation.
 */
@Path("/sdmx")
public class SdmxFallbackResource {

    /** Resources of SDMX REST 1.5.0 (4.3 to 4.6) and 2.x; the ones served have resources of their own. */
    static final Set<String> STANDARD_21 = Set.of("datastructure", "metadatastructure", "categoryscheme",
            "conceptscheme", "codelist", "hierarchicalcodelist", "organisationscheme", "agencyscheme",
            "dataproviderscheme", "dataconsumerscheme", "organisationunitscheme", "dataflow", "metadataflow",
            "reportingtaxonomy", "provisionagreement", "structureset", "process", "categorisation",
            "contentconstraint", "actualconstraint", "allowedconstraint", "attachmentconstraint",
            "transformationscheme", "rulesetscheme", "userdefinedoperatorscheme", "customtypescheme",
            "namepersonalisationscheme", "vtlmappingscheme", "structure", "data", "metadata", "schema",
            "availableconstraint");
    static final Set<String> STANDARD_30 = Set.of("structure", "data", "availability", "schema", "metadata",
            "registration");

    @GET
    @Operation(hidden = true)
    public void root() {
        throw SdmxException.noResults("The SDMX APIs are at /sdmx/2.1 (SDMX REST 1.5.0) and /sdmx/3.0 (SDMX REST 2.x).");
    }

    @GET
    @Path("{rest: .+}")
    @Operation(hidden = true)
    public void unserved(@PathParam("rest") String rest) {
        String[] parts = rest.split("/", -1);
        SdmxApi api = SdmxApi.ofSegment(parts[0]).orElseThrow(() -> SdmxException.noResults(
                "No SDMX API " + parts[0] + " here; the SDMX APIs are at /sdmx/2.1 and /sdmx/3.0."));
        String resource = parts.length > 1 ? parts[1] : "";
        Set<String> standard = api == SdmxApi.V2_1 ? STANDARD_21 : STANDARD_30;
        if (standard.contains(resource)) {
            throw SdmxException.notImplemented("The " + resource + " resource of the SDMX " + api.segment()
                    + " API is not served by this suite (or not in this form: " + api.base() + "/" + rest
                    + "); docs/sdmx.md lists what is.");
        }
        throw SdmxException.noResults("No SDMX resource " + resource + " in the SDMX " + api.segment()
                + " API; docs/sdmx.md lists the resources served.");
    }
}
