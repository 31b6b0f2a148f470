package eu.drugsplan.gateway.protection;

import eu.drugsplan.gateway.config.GatewayConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per client address. Quarkus gives no hook when a connection is accepted (its own
 * connection handler serves only the global quarkus.http.limits.max-connections), so a connection is counted
 * at its first request and given back when it closes; one that never completes a request's headers is never
 * counted, and the server's idle timeout (quarkus.http.idle-timeout) closes it once it goes quiet.
 * The address is the request's: the direct peer, or the client's where proxy-address-forwarding is trusted.
 */
@ApplicationScoped
public class ConnectionLimit implements Handler<RoutingContext> {

    private final ConcurrencyLimit limit;
    private final int retryAfter;
    private final Map<HttpConnection, String> counted = new ConcurrentHashMap<>();

    public ConnectionLimit(GatewayConfig config) {
        this.limit = new ConcurrencyLimit(config.isolation().connectionsPerClient());
        this.retryAfter = config.isolation().retryAfter();
    }

    @Override
    public void handle(RoutingContext context) {
        HttpConnection connection = context.request().connection();
        if (limit.ceiling() <= 0 || connection == null || counted.containsKey(connection)) {
            context.next();
            return;
        }
        String address = address(context);
        if (!limit.tryAcquire(address)) {
            LimitRefusal.send(context, retryAfter, "too-many-connections", "At most " + limit.ceiling()
                    + " open connections per client address; close one (or reuse it) and try again.", true);
            return;
        }
        counted.put(connection, address);
        whenClosed(connection, () -> {
            counted.remove(connection);
            limit.release(address);
        });
        context.next();
    }

    private static void whenClosed(HttpConnection connection, Runnable action) {
        if (connection instanceof ConnectionBase base) {
            // a future, unlike closeHandler, has room for every listener: Quarkus' own may be set already
            base.closeFuture().onComplete(done -> action.run());
        } else {
            connection.closeHandler(closed -> action.run());
        }
    }

    static String address(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    /** For tests: how many connections of this address are counted now. */
    public int held(String address) {
        return limit.held(address);
    }
}
