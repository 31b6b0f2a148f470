package eu.drugsplan.indicators.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.indicators.catalogue.CatalogueCache;
import eu.drugsplan.indicators.catalogue.CatalogueEvents;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Publishes the catalogue on its compacted topic through the outbox when the service starts: the catalogue
 * changes only by a migration, and migrations run at start, so every version of it is published once it is
 * current (a replica starting again publishes the same catalogue again; consumers keep the last record).
 */
@ApplicationScoped
public class CatalogueAnnouncer {

    private static final Logger LOG = Logger.getLogger(CatalogueAnnouncer.class);

    private final CatalogueCache catalogue;
    private final Outbox outbox;
    private final IndicatorsConfig config;
    private final ObjectMapper json;

    public CatalogueAnnouncer(CatalogueCache catalogue, Outbox outbox, IndicatorsConfig config, ObjectMapper json) {
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
    }

    @Transactional
    void announce(@Observes StartupEvent started) {
        CatalogueEvent event = CatalogueEvents.of(catalogue.current(), json, Instant.now());
        outbox.append(config.catalogueTopic(), CatalogueEvent.KEY, event.eventId(), event);
        LOG.infof("catalogue %s (%d measures, %d areas) queued for %s", event.catalogueVersion(),
                event.measures().size(), event.areas().size(), config.catalogueTopic());
    }
}
