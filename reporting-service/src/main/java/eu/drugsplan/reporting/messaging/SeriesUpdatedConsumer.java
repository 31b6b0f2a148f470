package eu.drugsplan.reporting.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.event.SeriesUpdatedEvent;
import eu.drugsplan.reporting.service.TrendUpdater;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Recomputes the trend of each series announced by indicators-service. Idempotent by data version: an
 * older or repeated event leaves the stored trend as it is. Unreadable records go to the dead-letter topic.
 */
@ApplicationScoped
public class SeriesUpdatedConsumer {

    private final TrendUpdater updater;
    private final ObjectMapper json;

    public SeriesUpdatedConsumer(TrendUpdater updater, ObjectMapper json) {
        this.updater = updater;
        this.json = json;
    }

    @Incoming("series-updated")
    @Blocking
    public void consume(String payload) throws JsonProcessingException {
        SeriesUpdatedEvent event = json.readValue(payload, SeriesUpdatedEvent.class);
        if (event.version() != SeriesUpdatedEvent.CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported series-updated event version " + event.version());
        }
        updater.update(event);
    }
}
