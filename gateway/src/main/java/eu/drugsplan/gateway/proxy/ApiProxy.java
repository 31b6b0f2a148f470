package eu.drugsplan.gateway.proxy;

import eu.drugsplan.gateway.config.GatewayConfig;
import eu.drugsplan.gateway.protection.BodyProgress;
import eu.drugsplan.gateway.protection.ClientConcurrency;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Routes the public API to the service that owns each part of it with Vert.x HTTP Proxy: bodies stream
 * both ways (a million-row upload or export is never buffered here).
 * <p>
 * Isolation: ordinary requests share one bounded pool per backend, and wait for a connection only a bounded
 * time (then 503); trend streams, which hold their connection for as long as a dashboard stays open, have a
 * pool of their own, so no number of open streams takes a connection from a catalogue, data or trend read.
 * The backend's "did not answer in time" is the connections' idle timeout, counted on bytes in either
 * direction: a slow upload is never cut, and the wait for the answer starts from its last byte.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    private final GatewayConfig config;

    public ApiProxy(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Router router, Vertx vertx) {
        GatewayConfig.Isolation isolation = config.isolation();
        HttpClient client = client(vertx, isolation.poolSize());
        HttpClient streams = client(vertx, isolation.streamPoolSize());
        for (Route route : Route.values()) {
            String service = route.name().toLowerCase() + " service";
            HttpProxy proxy = proxyTo(vertx, client, backend(route), service);
            HttpProxy streamProxy = route == Route.REPORTING ? proxyTo(vertx, streams, backend(route), service) : proxy;
            for (String prefix : route.prefixes()) {
                router.route(prefix).handler(context -> proxy.handle(context.request()));
                router.route(prefix + "/*").handler(context -> (ClientConcurrency.isStream(context.request().path())
                        ? streamProxy : proxy).handle(context.request()));
            }
        }
    }

    private HttpClient client(Vertx vertx, int poolSize) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(true)
                .setKeepAliveTimeout(keepAliveSeconds(config.backendKeepAlive(), config.idleTimeout()));
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(poolSize)
                .setMaxWaitQueueSize(config.isolation().poolWaitQueue());
        return vertx.createHttpClient(options, pool);
    }

    /**
     * Whole seconds (Vert.x's unit), at least one, and at most half the idle timeout, so that the pool lets an idle
     * connection go well before the idle timeout could close it under a request.
     */
    static int keepAliveSeconds(Duration keepAlive, Duration idleTimeout) {
        long cap = idleTimeout.toSeconds() / 2;
        return (int) Math.max(1, Math.min(keepAlive.toSeconds(), cap));
    }

    private HttpProxy proxyTo(Vertx vertx, HttpClient client, URI backend, String service) {
        SocketAddress origin = SocketAddress.inetSocketAddress(backend.getPort(), backend.getHost());
        GatewayConfig.Isolation isolation = config.isolation();
        // RequestOptions' connect timeout bounds the wait for a pooled connection (not the TCP connect, which
        // HttpClientOptions bounds); no request idle timeout: it would run while the client still uploads
        long poolWait = isolation.poolWait().toMillis();
        return HttpProxy.reverseProxy(client)
                .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                                .setServer(origin)
                                .setConnectTimeout(poolWait))
                        // a failure reaches the client through the proxy (BackendFailure); without a handler here
                        // Vert.x would also log each one, e.g. the reset of a stalled upload, as an error
                        .map(backendRequest -> backendRequest.exceptionHandler(failure -> LOG.debugf(
                                "%s request failed: %s", service, failure))))
                .addInterceptor(new ForwardingHeaders())
                .addInterceptor(new BackendFailure(service, isolation.retryAfter()))
                // last: a backend connection is taken only once the request passed every interceptor
                .addInterceptor(new BodyProgress(vertx, isolation.bodyIdleTimeout().toMillis(),
                        config.limits().body().asLongValue()));
    }

    private URI backend(Route route) {
        return switch (route) {
            case INDICATORS -> config.backends().indicators();
            case SUBMISSIONS -> config.backends().submissions();
            case REPORTING -> config.backends().reporting();
        };
    }
}
