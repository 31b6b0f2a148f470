package eu.drugsplan.common.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.catalogue.CatalogueCopy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the catalogue topic from its beginning at every start (a consumer group of its own, nothing committed)
 * into this service's {@link CatalogueCopy}. An unreadable record is logged and skipped, not dead-lettered: the
 * catalogue it would have replaced stays, and indicators-service publishes the whole catalogue at its next start.
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
        CatalogueCopy.Outcome outcome = copy.accept(payload, json);
        if (outcome == CatalogueCopy.Outcome.KEPT) {
            LOG.infof("catalogue %s kept", copy.current().map(c -> c.catalogueVersion()).orElse("?"));
        } else if (outcome != CatalogueCopy.Outcome.OLDER) {
            LOG.errorf("a catalogue record was skipped: %s", outcome);
        }
    }
}
