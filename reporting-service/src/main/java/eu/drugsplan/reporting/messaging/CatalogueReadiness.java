package eu.drugsplan.reporting.messaging;

import eu.drugsplan.reporting.service.CatalogueCopy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the catalogue has arrived from its topic: before that, trends are computed but not judged
 * and summaries know no indicator, so a replica is not sent traffic yet.
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
