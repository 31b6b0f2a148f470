package eu.drugsplan.gateway.proxy;

import eu.drugsplan.contracts.http.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Tells the backend who really called (RFC 7239 Forwarded and the X-Forwarded-* it replaces) and gives
 * every request an X-Request-Id, passed on and echoed back, so one id follows it through every log.
 */
public class ForwardingHeaders implements ProxyInterceptor {

    public static final String REQUEST_ID = RequestIds.HEADER;
    /**
     * Forwarded facts the gateway does not send itself: the services believe them from the gateway, so a
     * client's own would choose the port, scheme or path of the Location headers they write.
     */
    private static final List<String> NOT_THE_GATEWAYS = List.of("X-Forwarded-Port", "X-Forwarded-Ssl",
            "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Forwarded-Trusted-Proxy");

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        MultiMap headers = context.request().headers();
        String requestId = requestId(incoming);
        headers.set(REQUEST_ID, requestId);
        NOT_THE_GATEWAYS.forEach(headers::remove);
        String client = incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress();
        String proto = incoming.scheme();
        String host = incoming.authority() == null ? "" : incoming.authority().toString();
        headers.set("X-Forwarded-For", appended(headers.get("X-Forwarded-For"), client));
        headers.set("X-Forwarded-Proto", proto);
        headers.set("X-Forwarded-Host", host);
        headers.set("Forwarded", appended(headers.get("Forwarded"),
                "for=\"" + client + "\";proto=" + proto + ";host=\"" + host + "\""));
        context.set(REQUEST_ID, requestId);
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().headers().set(REQUEST_ID, context.get(REQUEST_ID, String.class));
        return context.sendResponse();
    }

    /**
     * Runs before every other handler: settles the request's id once, so the gateway's own log lines and the
     * backend's carry the same one (the interceptor above then finds it already in place).
     */
    public static void adoptRequestId(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = requestId(request);
        request.headers().set(REQUEST_ID, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        context.next();
    }

    static String requestId(HttpServerRequest request) {
        String given = request.getHeader(REQUEST_ID);
        return RequestIds.plausible(given) ? given : UUID.randomUUID().toString();
    }

    private static String appended(String existing, String value) {
        return existing == null || existing.isBlank() ? value : existing + ", " + value;
    }
}
