package eu.drugsplan.contracts.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's copy of the catalogue, as indicators-service last published it on its compacted topic (see
 * {@link CatalogueEvent}): what reporting-service and submissions-service read instead of asking the catalogue
 * over HTTP. Until the first copy arrives, a reader waits for it within the given wait of the first read (series
 * events or submissions arriving at start would otherwise meet no catalogue), and after that reads "no catalogue"
 * rather than wait again. Each service makes it one bean, fed by its consumer of the topic.
 */
public final class CatalogueCopy {

    private final AtomicReference<CatalogueEvent> current = new AtomicReference<>();
    private final CountDownLatch first = new CountDownLatch(1);
    private final Duration wait;
    private volatile Instant waitUntil;

    public CatalogueCopy(Duration wait) {
        this.wait = wait;
    }

    /** What became of a record of the catalogue topic. */
    public enum Outcome {
        /** It is the copy now. */
        KEPT,
        /** A newer one is kept (a replica started again, the topic read from its beginning). */
        OLDER,
        /** Of a later event version than this service reads: the copy stays. */
        TOO_NEW,
        /** Not a catalogue event: the copy stays (the next start of indicators-service publishes it again). */
        UNREADABLE
    }

    /** Reads a record of the topic and keeps it when it is the newest catalogue. */
    public Outcome accept(String payload, ObjectMapper json) {
        CatalogueEvent event;
        try {
            event = json.readValue(payload, CatalogueEvent.class);
        } catch (IOException | RuntimeException unreadable) {
            return Outcome.UNREADABLE;
        }
        if (event.version() > CatalogueEvent.CURRENT_VERSION) {
            return Outcome.TOO_NEW;
        }
        return replace(event) ? Outcome.KEPT : Outcome.OLDER;
    }

    /** Keeps a newer catalogue; an older or repeated one (a replica restarted, a replay) changes nothing. */
    public boolean replace(CatalogueEvent event) {
        CatalogueEvent previous = current.getAndUpdate(known -> newer(event, known) ? event : known);
        first.countDown();
        return previous == null || newer(event, previous);
    }

    private static boolean newer(CatalogueEvent event, CatalogueEvent known) {
        return known == null || !event.publishedAt().isBefore(known.publishedAt());
    }

    /** The catalogue, once known; empty when none arrived within the wait at start. */
    public Optional<CatalogueEvent> current() {
        CatalogueEvent known = current.get();
        if (known != null) {
            return Optional.of(known);
        }
        if (waitUntil == null) {
            waitUntil = Instant.now().plus(wait);
        }
        Duration left = Duration.between(Instant.now(), waitUntil);
        if (!left.isNegative()) {
            try {
                first.await(left.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(current.get());
    }

    /** Whether a copy has arrived (readiness). */
    public boolean known() {
        return current.get() != null;
    }
}
