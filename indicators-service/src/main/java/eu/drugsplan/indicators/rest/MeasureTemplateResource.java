package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.catalogue.CatalogueCache;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.service.MeasureTemplate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The spreadsheet template of a measure, for focal points who report in spreadsheets (submissions' xlsx intake). */
@Path("/api/v1/measures/{code}/template.xlsx")
@Tag(name = "Catalogue", description = "The twelve performance indicators, their measures and code lists")
public class MeasureTemplateResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CatalogueCache cache;

    public MeasureTemplateResource(CatalogueCache cache) {
        this.cache = cache;
    }

    @GET
    @Produces(XLSX)
    @Operation(summary = "An xlsx template for one measure: the wide layout the submissions intake reads (header block,"
            + " one column per period, a row per country); dimension codes given as query parameters (SEX=M) are"
            + " filled in, the others are left to fill in. Post it back unchanged to /api/v1/submissions.")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template(@PathParam("code") String code, @Context UriInfo uri) {
        Catalogue catalogue = cache.current();
        MeasureView measure = catalogue.measure(code).orElseThrow(() -> new ProblemException(
                Problems.of(Response.Status.NOT_FOUND, "not-in-catalogue", "There is no measure " + code + " in the catalogue.")));
        Map<String, String> dimensions = dimensions(catalogue, measure, uri);
        byte[] workbook = MeasureTemplate.write(catalogue, measure, dimensions, LocalDate.now(ZoneOffset.UTC));
        return Response.ok(workbook, XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-template.xlsx\"").build();
    }

    /** The dimension codes the request fixes: each a dimension of the measure and a code of its list. */
    private static Map<String, String> dimensions(Catalogue catalogue, MeasureView measure, UriInfo uri) {
        Map<String, String> dimensions = new TreeMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!measure.dimensions().contains(name)) {
                throw invalid("The measure " + measure.code() + " has no dimension " + name + "; its dimensions: "
                        + measure.dimensions() + ".");
            }
            List<String> given = values.stream().distinct().toList();
            if (given.size() != 1 || catalogue.code(name, given.get(0)).isEmpty()) {
                throw invalid("The dimension " + name + " takes one code of its code list (GET /api/v1/codelists/"
                        + name + "); got " + given + ".");
            }
            dimensions.put(name, given.get(0));
        });
        return dimensions;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter", detail));
    }
}
