package eu.drugsplan.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The framing of every answer, the proxied ones included (fixed when the headers go out):
 * <ul>
 * <li>no Transfer-Encoding on a 1xx, 204 or 304 (RFC 9110 15.4.5, RFC 9112 6.1): they never have a body, but
 * the proxy marks a backend's bodiless 304 chunked, and Python's http.client then waits for a chunk that never
 * comes;</li>
 * <li>a 405 without Allow gets the gateway's (RFC 9110 15.5.6);</li>
 * <li>an answer that says {@code Connection: close} really closes the connection once written: Vert.x sends
 * the header but would keep reading requests from the connection.</li>
 * </ul>
 */
@ApplicationScoped
public class ResponseFraming implements Handler<RoutingContext> {

    private static final long LINGER_MILLIS = 5000;

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(v -> {
            int status = response.getStatusCode();
            MultiMap headers = response.headers();
            if (status < 200 || status == 204 || status == 304) {
                headers.remove("Transfer-Encoding");
                if (status != 304) {
                    headers.remove("Content-Length");
                }
            }
            if (status == 405 && !headers.contains("Allow")) {
                headers.set("Allow", ApiRoutes.allow(CanonicalPathFilter.path(context)));
            }
        });
        context.addBodyEndHandler(v -> {
            if ("close".equalsIgnoreCase(response.headers().get("Connection"))
                    && request.version() != HttpVersion.HTTP_2) {
                closeAfter(context);
            }
        });
        context.next();
    }

    /**
     * Closes once the answer is written and the request read to its end: closing while the client still sends
     * the body we refused would reset the connection, and the client could lose the answer. A client that never
     * finishes its body is cut off after a while.
     */
    private static void closeAfter(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = context.vertx().setTimer(LINGER_MILLIS, t -> connection.close());
        request.endHandler(v -> {
            context.vertx().cancelTimer(timer);
            connection.close();
        });
        request.resume();
    }
}
