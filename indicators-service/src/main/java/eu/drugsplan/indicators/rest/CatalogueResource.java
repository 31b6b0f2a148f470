package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.catalogue.CatalogueCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The indicator catalogue. Every answer carries the catalogue version as a strong ETag, so other services
 * and dashboards revalidate with If-None-Match and get 304 until a migration changes the catalogue.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "The twelve performance indicators, their measures and code lists")
public class CatalogueResource {

    private static final CacheControl CACHE = CacheControl.valueOf("public, max-age=60");

    private final CatalogueCache cache;

    public CatalogueResource(CatalogueCache cache) {
        this.cache = cache;
    }

    @GET
    @Path("indicators")
    @Operation(summary = "The twelve performance indicators of Annex 2")
    public Response indicators(Request request) {
        return cached(request, c -> Optional.of(c.indicatorSummaries()), "indicators");
    }

    @GET
    @Path("indicators/{code}")
    @Operation(summary = "One indicator: its Annex 2 text, sources, priorities, actions and measures")
    public Response indicator(@PathParam("code") String code, Request request) {
        return cached(request, c -> c.indicator(code), "indicator " + code);
    }

    @GET
    @Path("measures")
    @Operation(summary = "Every measure of every indicator")
    public Response measures(Request request) {
        return cached(request, c -> Optional.of(c.measures().values()), "measures");
    }

    @GET
    @Path("measures/{code}")
    @Operation(summary = "One measure: unit, frequency, desired direction, dimensions, reporters and the source and definition it follows")
    public Response measure(@PathParam("code") String code, Request request) {
        return cached(request, c -> c.measure(code), "measure " + code);
    }

    @GET
    @Path("codelists")
    @Operation(summary = "The code lists")
    public Response codelists(Request request) {
        return cached(request, c -> Optional.of(c.codelistSummaries()), "code lists");
    }

    @GET
    @Path("codelists/{id}")
    @Operation(summary = "One code list with its codes")
    public Response codelist(@PathParam("id") String id, Request request) {
        return cached(request, c -> c.codelist(id), "code list " + id);
    }

    @GET
    @Path("reporters")
    @Operation(summary = "The Member States, Reitox partners and agencies that report")
    public Response reporters(Request request) {
        return cached(request, c -> Optional.of(c.reporters()), "reporters");
    }

    private Response cached(Request request, Function<Catalogue, Optional<?>> select, String what) {
        Catalogue catalogue = cache.current();
        EntityTag tag = new EntityTag("catalogue-" + catalogue.version());
        Object entity = select.apply(catalogue).orElseThrow(() -> new ProblemException(
                Problems.of(Response.Status.NOT_FOUND, "not-in-catalogue", "There is no " + what + " in the catalogue.")));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(CACHE).build();
        }
        return Response.ok(entity).tag(tag).cacheControl(CACHE).build();
    }
}
