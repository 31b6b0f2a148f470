package eu.drugsplan.common.catalogue;

import eu.drugsplan.contracts.catalogue.CatalogueCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one copy of the catalogue, fed by {@link CatalogueConsumer}, read by reporting-service's trends and
 * summaries and by submissions-service's validation. indicators-service, which publishes the catalogue, leaves
 * this package out ({@code quarkus.arc.exclude-types}).
 */
@ApplicationScoped
public class CatalogueCopies {

    /**
     * @param wait how long the first read waits for the copy to arrive ({@code catalogue.wait-at-start},
     *             {@code CATALOGUE_WAIT}, 30 s)
     */
    // a singleton: the copy is a plain final class, shared as it is, without a client proxy
    @Produces
    @Singleton
    CatalogueCopy copy(@ConfigProperty(name = "catalogue.wait-at-start", defaultValue = "30s") Duration wait) {
        return new CatalogueCopy(wait);
    }
}
