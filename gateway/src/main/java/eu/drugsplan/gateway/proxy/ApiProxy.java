package eu.drugsplan.gateway.proxy;

import eu.drugsplan.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Routes the public API to the service that owns each part of it with Vert.x HTTP Proxy: bodies stream
 * both ways (a million-row upload or export is never buffered here).
 */
@ApplicationScoped
public class ApiProxy {

    private final GatewayConfig config;

    public ApiProxy(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        for (Route route : Route.values()) {
            HttpProxy proxy = proxyTo(client, backend(route), route.name().toLowerCase() + " service");
            for (String prefix : route.prefixes()) {
                router.route(prefix).handler(context -> proxy.handle(context.request()));
                router.route(prefix + "/*").handler(context -> proxy.handle(context.request()));
            }
        }
    }

    private HttpProxy proxyTo(HttpClient client, URI backend, String service) {
        SocketAddress origin = SocketAddress.inetSocketAddress(backend.getPort(), backend.getHost());
        long idleTimeout = config.idleTimeout().toMillis();
        return HttpProxy.reverseProxy(client)
                .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                        .setServer(origin)
                        .setIdleTimeout(idleTimeout)))
                .addInterceptor(new ForwardingHeaders())
                .addInterceptor(new BackendFailure(service));
    }

    private URI backend(Route route) {
        return switch (route) {
            case INDICATORS -> config.backends().indicators();
            case SUBMISSIONS -> config.backends().submissions();
            case REPORTING -> config.backends().reporting();
        };
    }
}
