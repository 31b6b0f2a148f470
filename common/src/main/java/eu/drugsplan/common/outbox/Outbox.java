package eu.drugsplan.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.transaction.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;

/** Appends events to the outbox inside the caller's transaction: the change and its announcement commit together. */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;

    public Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxSignal signal) {
        this.json = json;
        this.transactions = transactions;
        this.signal = signal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, UUID eventId, Object event) {
        append(topic, key, eventId, event, TraceContext.current());
    }

    /**
     * With the trace the event continues, for a writer that handles several traces in one transaction (a
     * consumer's batch) and so has no single current one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, UUID eventId, Object event, String traceparent) {
        OutboxEvent record = new OutboxEvent();
        record.eventId = eventId;
        record.topic = topic;
        record.messageKey = key;
        record.payload = serialize(event);
        record.createdAt = Instant.now();
        record.traceparent = traceparent;
        record.persist();
        wakeRelayAfterCommit();
    }

    /**
     * Once per transaction: the relay starts publishing the moment the records are visible, not at its next poll.
     * For writers that put records in the outbox by other means (COPY) in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        AfterCommit.run(transactions, signal::wake);
    }

    private String serialize(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized: " + event.getClass().getSimpleName(), e);
        }
    }
}
