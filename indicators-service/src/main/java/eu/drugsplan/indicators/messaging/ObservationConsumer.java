package eu.drugsplan.indicators.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.messaging.BatchConsumer;
import eu.drugsplan.common.messaging.BatchConsumer.Read;
import eu.drugsplan.common.messaging.DeadLetterTopic;
import eu.drugsplan.common.outbox.TraceContext;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.indicators.service.ObservationStore;
import eu.drugsplan.indicators.service.StorableEvent;
import eu.drugsplan.indicators.service.StoreOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores the observations submissions-service publishes (events of version 2, a series' rows, and of
 * version 1, one row each), a poll's batch at a time in one transaction (common's {@link BatchConsumer}).
 * Records of one series share a partition and arrive in order; the batch is applied in that order.
 * A record that cannot be read goes to the dead-letter topic before the batch is applied, so it never
 * costs the others; if applying the batch fails, its records are applied one by one and only the one
 * that fails goes to the dead-letter topic. Whatever goes there is recorded as a failure of its submission (in a
 * transaction of its own), so that the submission's status says FAILED with the reason. A failure of the
 * database itself is not the records' fault: the batch waits for the database and is tried again.
 */
@ApplicationScoped
public class ObservationConsumer implements BatchConsumer.Handler<ObservationEvent> {

    private final ObservationStore store;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final StoreFailures failures;
    private final BatchConsumer<ObservationEvent> batches;

    public ObservationConsumer(ObservationStore store, ObjectMapper json, MeterRegistry registry,
                               @Channel("observations-dlq") MutinyEmitter<String> deadLetters,
                               StoreFailures failures) {
        this.store = store;
        this.json = json;
        this.registry = registry;
        this.failures = failures;
        this.batches = new BatchConsumer<>("store", new DeadLetterTopic(deadLetters), this);
    }

    @Incoming("observations")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        batches.consume(records);
    }

    @Override
    public void apply(List<Read<ObservationEvent>> batch) {
        count(store.applyAll(batch.stream().map(Read::event).toList(), tracesOf(batch)));
    }

    @Override
    public void unreadable(ConsumerRecord<String, String> record, Exception reason) {
        failures.unreadable(record, reason);
    }

    @Override
    public void failed(Read<ObservationEvent> read, Exception reason) {
        failures.failed(read.record(), read.event(), reason);
    }

    /** The traceparent each record was published with, so the store's announcements continue those traces. */
    private static Map<UUID, String> tracesOf(List<Read<ObservationEvent>> batch) {
        Map<UUID, String> traces = new HashMap<>();
        for (Read<ObservationEvent> read : batch) {
            Header header = read.record().headers().lastHeader(TraceContext.TRACEPARENT);
            if (header != null) {
                traces.put(read.event().eventId(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return traces;
    }

    @Override
    public ObservationEvent read(ConsumerRecord<String, String> record) throws IOException {
        // a value keeps all its digits: a tree read with doubles turned 13900.17001500000000001 (UNODC's
        // 0.12001500000000001 + 13900.05, summed exactly by the loader) into 13900.170015
        JsonNode tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(record.value());
        int version = tree.path("version").asInt(-1);
        ObservationEvent event = switch (version) {
            case ObservationEventV1.VERSION -> json.treeToValue(tree, ObservationEventV1.class).toCurrent();
            case ObservationEvent.CURRENT_VERSION -> json.treeToValue(tree, ObservationEvent.class);
            default -> throw new IllegalArgumentException("unsupported observation event version " + tree.path("version"));
        };
        if (event.eventId() == null || event.measure() == null || event.area() == null
                || event.submissionId() == null || event.observations() == null || event.observations().isEmpty()) {
            throw new IllegalArgumentException("observation event without id, submission, measure, area or observations");
        }
        for (ObservationChange change : event.observations()) {
            if (change == null || change.period() == null || change.action() == null) {
                throw new IllegalArgumentException("observation event with an observation without period or action");
            }
        }
        StorableEvent.check(event);
        return event;
    }

    /** Once per outcome and batch, not per row: a batch of a bulk load holds some 20,000 rows. */
    private void count(List<StoreOutcome> outcomes) {
        Map<StoreOutcome, Long> counts = new EnumMap<>(StoreOutcome.class);
        outcomes.forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
        counts.forEach((outcome, n) -> registry.counter("observations.stored", "outcome", outcome.name()).increment(n));
    }
}
