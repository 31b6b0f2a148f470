package eu.drugsplan.gateway.protection;

import eu.drugsplan.gateway.http.Problems;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** The one answer of every per-client concurrency limit: 429 with Retry-After, as a problem document. */
final class LimitRefusal {

    private LimitRefusal() {
    }

    /**
     * Refuses the request. When the connection itself is over the limit, or a body is still unread, the
     * connection is closed once the answer is written: reading on would keep the slot the refusal frees.
     */
    static void send(RoutingContext context, int retryAfter, String slug, String detail, boolean closeConnection) {
        boolean close = closeConnection || bodyLeft(context.request());
        context.response().putHeader("Retry-After", Integer.toString(retryAfter));
        if (close) {
            context.response().putHeader("Connection", "close");
        }
        Problems.send(context, HttpResponseStatus.TOO_MANY_REQUESTS, slug, detail);
        if (close && context.request().version() != HttpVersion.HTTP_2) {
            // Vert.x keeps an HTTP/1 connection open whatever the answer's Connection header says
            context.response().close();
        }
    }

    /**
     * Whether the request announced a body not yet read. A bodiless GET keeps its connection: closing it would
     * only make a refused client reconnect at once, which costs the gateway more than an idle connection.
     */
    private static boolean bodyLeft(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        boolean announced = request.getHeader("Transfer-Encoding") != null
                || length != null && !length.trim().equals("0");
        return announced && !request.isEnded();
    }
}
