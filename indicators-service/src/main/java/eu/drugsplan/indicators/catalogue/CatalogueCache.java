package eu.drugsplan.indicators.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current catalogue snapshot. A request checks the catalogue version (one indexed query) and reloads
 * only when a migration has changed it, so a new measure or code is served without a restart.
 */
@ApplicationScoped
public class CatalogueCache {

    private final CatalogueLoader loader;
    private final AtomicReference<Catalogue> current = new AtomicReference<>();

    public CatalogueCache(CatalogueLoader loader) {
        this.loader = loader;
    }

    public Catalogue current() {
        Catalogue cached = current.get();
        if (cached != null && cached.version().equals(loader.currentVersion())) {
            return cached;
        }
        Catalogue loaded = loader.load();
        current.set(loaded);
        return loaded;
    }
}
