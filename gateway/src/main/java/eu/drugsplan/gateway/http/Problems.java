package eu.drugsplan.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals as RFC 9457 problem documents, the same shape the services answer with, so a
 * client reads one kind of error whoever refused it.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://drugsplan.eu/problems/";

    private Problems() {
    }

    public static JsonObject document(HttpResponseStatus status, String slug, String detail, String instance) {
        JsonObject document = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", status.reasonPhrase())
                .put("status", status.code())
                .put("detail", detail);
        return instance == null ? document : document.put("instance", instance);
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
                .end(document(status, slug, detail, context.get(CanonicalPath.KEY)).encode());
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
