package eu.drugsplan.common.catalogue;

import eu.drugsplan.contracts.catalogue.CatalogueCopy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the catalogue has arrived from its topic: before that reporting-service's trends are computed
 * but not judged and submissions-service validates no row (503), so a replica is not sent traffic yet.
 */
@Readiness
@ApplicationScoped
public class CatalogueReadiness implements HealthCheck {

    private final CatalogueCopy copy;

    public CatalogueReadiness(CatalogueCopy copy) {
        this.copy = copy;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalogue").status(copy.known()).build();
    }
}
