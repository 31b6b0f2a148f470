package eu.drugsplan.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Appends events to the outbox inside the caller's transaction: the change and its announcement commit together. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, UUID eventId, Object event) {
        OutboxEvent record = new OutboxEvent();
        record.eventId = eventId;
        record.topic = topic;
        record.messageKey = key;
        record.payload = serialize(event);
        record.createdAt = Instant.now();
        record.persist();
    }

    private String serialize(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized: " + event.getClass().getSimpleName(), e);
        }
    }
}
