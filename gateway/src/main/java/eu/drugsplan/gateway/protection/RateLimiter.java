package eu.drugsplan.gateway.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.drugsplan.gateway.config.GatewayConfig;
import eu.drugsplan.gateway.http.Problems;
import eu.drugsplan.gateway.security.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One token bucket per reporter (from the verified token), or per client address for anonymous callers, so
 * that one busy focal point or one scraping client cannot crowd out the others. Over the limit: 429 with
 * Retry-After, and every answer says what is left in RateLimit-* headers.
 */
@ApplicationScoped
public class RateLimiter implements Handler<RoutingContext> {

    private final GatewayConfig.RateLimit config;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayConfig gateway) {
        this.config = gateway.rateLimit();
        // buckets of callers not seen for a whole period are full again anyway: forgetting them loses nothing
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxTrackedCallers())
                .expireAfterAccess(config.period())
                .build();
    }

    @Override
    public void handle(RoutingContext context) {
        if (!config.enabled()) {
            context.next();
            return;
        }
        Bucket bucket = buckets.get(key(context), k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        context.response().putHeader("RateLimit-Limit", Long.toString(config.requests()));
        context.response().putHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        context.response().putHeader("Retry-After", Long.toString(retryAfter));
        Problems.send(context, HttpResponseStatus.TOO_MANY_REQUESTS, "rate-limited",
                "At most " + config.requests() + " requests per " + config.period().toSeconds()
                        + " s for one caller; try again in " + retryAfter + " s.");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(config.requests())
                        .refillGreedy(config.requests(), config.period()).build())
                .build();
    }

    static String key(RoutingContext context) {
        Caller caller = context.get(Caller.KEY, Caller.ANONYMOUS);
        if (caller.reporter() != null) {
            return "reporter:" + caller.reporter();
        }
        if (caller.subject() != null) {
            return "subject:" + caller.subject();
        }
        // the direct peer, not X-Forwarded-For: a client could write anything there to escape its bucket
        return "address:" + (context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().hostAddress());
    }

    /** For tests of the same instance: starts every caller afresh. */
    public void reset() {
        buckets.invalidateAll();
    }
}
