package eu.drugsplan.reporting.rest;

import eu.drugsplan.reporting.config.TrendsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Conditional GET for answers derived from stored trends: the version tag is cheap to read, so a client
 * that already holds the current answer gets 304 without the body ever being built.
 */
@ApplicationScoped
public class Conditional {

    private final CacheControl cacheControl;

    public Conditional(TrendsConfig config) {
        cacheControl = new CacheControl();
        cacheControl.setPrivate(false);
        cacheControl.setNoTransform(false);
        cacheControl.setMaxAge((int) config.httpMaxAge().toSeconds());
        // once max-age has passed, the client must ask (cheaply, with If-None-Match) before reusing an answer
        cacheControl.setMustRevalidate(true);
    }

    public Response answer(Request request, String versionTag, Supplier<Object> body) {
        // weak: the gateway may send the answer gzip-compressed, another representation of the same content
        EntityTag tag = new EntityTag(versionTag, true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cacheControl).build();
        }
        return Response.ok(body.get(), MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(cacheControl).build();
    }
}
