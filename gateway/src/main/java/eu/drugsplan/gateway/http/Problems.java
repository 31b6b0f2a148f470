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
        return new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", status.reasonPhrase())
                .put("status", status.code())
                .put("detail", detail)
                .put("instance", instance);
    }

    /** Ends the exchange with a problem; the request is not passed on. */
    public static void send(RoutingContext context, HttpResponseStatus status, String slug, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status.code())
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(document(status, slug, detail, context.request().path()).encode());
    }
}
