package eu.drugsplan.indicators.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.common.messaging.DeadLetterTopic;
import eu.drugsplan.common.messaging.InfrastructureFailures;
import eu.drugsplan.common.outbox.TraceContext;
import eu.drugsplan.indicators.service.ObservationStore;
import eu.drugsplan.indicators.service.StorableEvent;
import eu.drugsplan.indicators.service.StoreOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores the observations submissions-service publishes (events of version 2, a series' rows, and of
 * version 1, one row each), a poll's batch at a time in one transaction.
 * Records of one series share a partition and arrive in order; the batch is applied in that order.
 * A record that cannot be read goes to the dead-letter topic before the batch is applied, so it never
 * costs the others; if applying the batch fails, its records are applied one by one and only the one
 * that fails goes to the dead-letter topic. Whatever goes there is recorded as a failure of its submission (in a
 * transaction of its own), so that the submission's status says FAILED with the reason. A failure of the database itself is not the records' fault: it fails
 * the channel without committing, and the records are read again after a restart.
 */
@ApplicationScoped
public class ObservationConsumer {

    private static final Logger LOG = Logger.getLogger(ObservationConsumer.class);

    private final ObservationStore store;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final DeadLetterTopic deadLetters;
    private final StoreFailures failures;

    public ObservationConsumer(ObservationStore store, ObjectMapper json, MeterRegistry registry,
                               @Channel("observations-dlq") MutinyEmitter<String> deadLetters,
                               StoreFailures failures) {
        this.store = store;
        this.json = json;
        this.registry = registry;
        this.deadLetters = new DeadLetterTopic(deadLetters);
        this.failures = failures;
    }

    @Incoming("observations")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ReadRecord> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new ReadRecord(record, read(record.value())));
            } catch (RuntimeException | java.io.IOException unreadable) {
                deadLetters.send(record, unreadable);
                failures.unreadable(record, unreadable);
            }
        }
        if (!readable.isEmpty()) {
            applyBatch(readable);
        }
    }

    private void applyBatch(List<ReadRecord> batch) {
        try {
            count(store.applyAll(batch.stream().map(ReadRecord::event).toList(), tracesOf(batch)));
        } catch (RuntimeException batchFailed) {
            rethrowIfInfrastructure(batchFailed);
            LOG.warnf(batchFailed, "a batch of %d observations failed; applying them one by one", batch.size());
            batch.forEach(this::applyAlone);
        }
    }

    /** The traceparent each record was published with, so the store's announcements continue those traces. */
    private static java.util.Map<java.util.UUID, String> tracesOf(List<ReadRecord> batch) {
        java.util.Map<java.util.UUID, String> traces = new java.util.HashMap<>();
        for (ReadRecord read : batch) {
            org.apache.kafka.common.header.Header header = read.record().headers().lastHeader(TraceContext.TRACEPARENT);
            if (header != null) {
                traces.put(read.event().eventId(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return traces;
    }

    private void applyAlone(ReadRecord read) {
        try {
            count(store.applyAll(List.of(read.event()), tracesOf(List.of(read))));
        } catch (RuntimeException failed) {
            rethrowIfInfrastructure(failed);
            deadLetters.send(read.record(), failed);
            failures.failed(read.record(), read.event(), failed);
        }
    }

    /**
     * A database that is unreachable or a service that is shutting down says nothing about the record: such a
     * failure must not send good records to the dead-letter topic. It escapes, the batch is not committed, the
     * channel fails (health goes down) and the records are consumed again after a restart.
     */
    private static void rethrowIfInfrastructure(RuntimeException failure) {
        if (InfrastructureFailures.isInfrastructure(failure)) {
            throw failure;
        }
    }

    private ObservationEvent read(String payload) throws java.io.IOException {
        // a value keeps all its digits: a tree read with doubles turned 13900.17001500000000001 (UNODC's
        // 0.12001500000000001 + 13900.05, summed exactly by the loader) into 13900.170015
        com.fasterxml.jackson.databind.JsonNode tree = json.reader()
                .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(payload);
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
        java.util.Map<StoreOutcome, Long> counts = new java.util.EnumMap<>(StoreOutcome.class);
        outcomes.forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
        counts.forEach((outcome, n) -> registry.counter("observations.stored", "outcome", outcome.name()).increment(n));
    }

    private record ReadRecord(ConsumerRecord<String, String> record, ObservationEvent event) {
    }
}
