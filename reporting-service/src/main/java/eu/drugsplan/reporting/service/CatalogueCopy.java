package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.reporting.config.TrendsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This service's copy of the catalogue, as indicators-service last published it on its compacted topic (see
 * {@link CatalogueEvent}): nothing here asks the catalogue over HTTP. Until the first copy arrives, a reader
 * waits for it within {@code trends.catalogue-wait} of the first read (series events consumed at start would
 * not be judged without their measure), and after that reads "no catalogue" rather than wait again.
 */
@ApplicationScoped
public class CatalogueCopy {

    private final AtomicReference<CatalogueEvent> current = new AtomicReference<>();
    private final CountDownLatch first = new CountDownLatch(1);
    private final Duration wait;
    private volatile Instant waitUntil;

    @Inject
    public CatalogueCopy(TrendsConfig config) {
        this(config.catalogueWait());
    }

    CatalogueCopy(Duration wait) {
        this.wait = wait;
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
