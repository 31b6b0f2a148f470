package eu.drugsplan.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.reporting.service.CatalogueCopy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the catalogue topic from its beginning at every start (a consumer group of its own, nothing committed)
 * and keeps the newest catalogue. An unreadable record is logged and skipped, not dead-lettered: the catalogue
 * it would have replaced stays, and indicators-service publishes the whole catalogue again at its next start.
 */
@ApplicationScoped
public class CatalogueConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogueConsumer.class);

    private final CatalogueCopy copy;
    private final ObjectMapper json;

    public CatalogueConsumer(CatalogueCopy copy, ObjectMapper json) {
        this.copy = copy;
        this.json = json;
    }

    @Incoming("catalogue")
    public void consume(String payload) {
        try {
            CatalogueEvent event = json.readValue(payload, CatalogueEvent.class);
            if (event.version() > CatalogueEvent.CURRENT_VERSION) {
                LOG.warnf("catalogue event of version %d, newer than this service reads (%d): skipped",
                        event.version(), CatalogueEvent.CURRENT_VERSION);
                return;
            }
            if (copy.replace(event)) {
                LOG.infof("catalogue %s: %d measures, %d areas", event.catalogueVersion(), event.measures().size(),
                        event.areas().size());
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            LOG.errorf("an unreadable catalogue record was skipped: %s", unreadable.getMessage());
        }
    }
}
