package eu.drugsplan.reporting.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A value fetched from the catalogue and reused for a while. When a refresh fails the last known value is
 * kept (or the fallback, when there is none), and asked for again only after another period: a catalogue
 * that is away must not slow every event down by a connect timeout.
 */
final class RefreshingValue<T> {

    private static final Logger LOG = Logger.getLogger(RefreshingValue.class);

    private final String what;
    private final Supplier<T> fetch;
    private final Duration ttl;
    private final T fallback;
    private volatile Snapshot<T> snapshot;

    RefreshingValue(String what, Supplier<T> fetch, Duration ttl, T fallback) {
        this.what = what;
        this.fetch = fetch;
        this.ttl = ttl;
        this.fallback = fallback;
    }

    T get() {
        Snapshot<T> current = snapshot;
        Instant now = Instant.now();
        if (current != null && current.fetchedAt.plus(ttl).isAfter(now)) {
            return current.value;
        }
        T value;
        try {
            value = fetch.get();
        } catch (RuntimeException e) {
            LOG.warnf("catalogue unavailable for %s: %s", what, e.getMessage());
            value = current != null ? current.value : fallback;
        }
        snapshot = new Snapshot<>(value, now);
        return value;
    }

    private record Snapshot<T>(T value, Instant fetchedAt) {
    }
}
