package eu.drugsplan.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.problem.Problem;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals as contracts' {@link Problem}, the record the services answer with, so a client
 * reads one kind of error whoever refused it.
 */
public final class Problems {

    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** The problem document's JSON text; the instance is the request's path, or null when it has none. */
    public static String document(HttpResponseStatus status, String slug, String detail, String instance) {
        Problem problem = Problem.of(status.code(), status.reasonPhrase(), slug, detail).at(instance);
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
    }

    /**
     * Ends the exchange with a problem; the request is not passed on. The instance is the canonical path (none
     * for a request refused because its path has no canonical form).
     */
    public static void send(RoutingContext context, HttpResponseStatus status, String slug, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status.code())
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(document(status, slug, detail, context.get(CanonicalPath.KEY)));
    }

    /**
     * A problem after which the connection cannot be trusted (its framing is in doubt, or a body is left
     * unread): the answer says so and the connection really closes once it is written (ResponseFraming).
     */
    public static void sendAndClose(RoutingContext context, HttpResponseStatus status, String slug, String detail) {
        context.response().putHeader("Connection", "close");
        send(context, status, slug, detail);
    }
}
