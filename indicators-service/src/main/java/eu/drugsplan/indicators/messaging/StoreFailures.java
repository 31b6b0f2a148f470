package eu.drugsplan.indicators.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.indicators.repository.FailedEvents;
import eu.drugsplan.indicators.repository.FailedEvents.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Records that the store gave up on an event (it went to the dead-letter topic), for its submission's status:
 * FAILED with the reason, never pending forever.
 */
@ApplicationScoped
public class StoreFailures {

    private static final Logger LOG = Logger.getLogger(StoreFailures.class);

    private final FailedEvents failedEvents;
    private final ObjectMapper json;

    public StoreFailures(FailedEvents failedEvents, ObjectMapper json) {
        this.failedEvents = failedEvents;
        this.json = json;
    }

    /** An event that was read but could not be applied. */
    void failed(ConsumerRecord<String, String> record, ObservationEvent event, Exception reason) {
        failedEvents.record(new Failure(event.eventId(), event.submissionId(), event.observations().size(),
                FailureReason.of(reason), source(record), Instant.now()));
    }

    /**
     * A record that could not be read as an event: its ids are looked for in what can be read of it, so that
     * the submission it names still hears of it; a record without an event id belongs to no submission.
     */
    void unreadable(ConsumerRecord<String, String> record, Exception reason) {
        Optional<JsonNode> tree = tree(record.value());
        Optional<UUID> eventId = tree.flatMap(t -> uuid(t.path("eventId")));
        if (eventId.isEmpty()) {
            LOG.debugf("dead-lettered record %s names no event id: no submission to tell", source(record));
            return;
        }
        JsonNode observations = tree.get().path("observations");
        int count = observations.isArray() ? observations.size() : 1;
        failedEvents.record(new Failure(eventId.get(), tree.flatMap(t -> uuid(t.path("submissionId"))).orElse(null),
                count, FailureReason.of(reason), source(record), Instant.now()));
    }

    private Optional<JsonNode> tree(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(json.readTree(value));
        } catch (java.io.IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(JsonNode node) {
        try {
            return node.isTextual() ? Optional.of(UUID.fromString(node.asText())) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Where the record was read, which is where the dead-letter copy's headers say it came from. */
    private static String source(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
