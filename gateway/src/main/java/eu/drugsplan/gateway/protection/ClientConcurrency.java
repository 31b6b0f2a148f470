package eu.drugsplan.gateway.protection;

import eu.drugsplan.gateway.config.GatewayConfig;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests in flight and open trend streams per client (the reporter of a verified token, or the address
 * when anonymous, as for the rate limit): a rate limit does not see a client that starts a hundred slow
 * requests at once and keeps them open, this does. A stream counts only as a stream, since it is meant to
 * stay open; each holding is given back when its answer ends or its connection closes.
 */
@ApplicationScoped
public class ClientConcurrency implements Handler<RoutingContext> {

    public static final String STREAM = "/api/v1/trends/stream";

    private final ConcurrencyLimit requests;
    private final ConcurrencyLimit streams;
    private final int retryAfter;

    public ClientConcurrency(GatewayConfig config) {
        this.requests = new ConcurrencyLimit(config.isolation().requestsPerClient());
        this.streams = new ConcurrencyLimit(config.isolation().streamsPerClient());
        this.retryAfter = config.isolation().retryAfter();
    }

    @Override
    public void handle(RoutingContext context) {
        boolean stream = isStream(context.request().path());
        ConcurrencyLimit limit = stream ? streams : requests;
        String client = RateLimiter.key(context);
        if (!limit.tryAcquire(client)) {
            String what = stream ? "open trend streams" : "requests in flight";
            LimitRefusal.send(context, retryAfter, stream ? "too-many-streams" : "too-many-requests",
                    "At most " + limit.ceiling() + " " + what + " for one caller; wait for one to end.", false);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        context.addEndHandler(ended -> {
            if (released.compareAndSet(false, true)) {
                limit.release(client);
            }
        });
        context.next();
    }

    /** The one test of "this is a trend stream", shared with the proxy that gives streams their own pool. */
    public static boolean isStream(String path) {
        return path.equals(STREAM) || path.equals(STREAM + "/");
    }
}
