package eu.drugsplan.indicators.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.event.ObservationEvent;
import eu.drugsplan.indicators.service.ObservationStore;
import eu.drugsplan.indicators.service.StoreOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores the observations submissions-service publishes. Records of one series share a partition and are
 * handled in order; a record that cannot be read or applied goes to the dead-letter topic (see
 * application.properties) instead of blocking its partition.
 */
@ApplicationScoped
public class ObservationConsumer {

    private static final Logger LOG = Logger.getLogger(ObservationConsumer.class);

    private final ObservationStore store;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public ObservationConsumer(ObservationStore store, ObjectMapper json, MeterRegistry registry) {
        this.store = store;
        this.json = json;
        this.registry = registry;
    }

    @Incoming("observations")
    @Blocking
    public void consume(String payload) throws JsonProcessingException {
        ObservationEvent event = json.readValue(payload, ObservationEvent.class);
        if (event.version() != ObservationEvent.CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported observation event version " + event.version());
        }
        StoreOutcome outcome = store.apply(event);
        registry.counter("observations.stored", "outcome", outcome.name()).increment();
        LOG.debugf("observation %s of %s: %s", event.eventId(), event.seriesKey(), outcome);
    }
}
