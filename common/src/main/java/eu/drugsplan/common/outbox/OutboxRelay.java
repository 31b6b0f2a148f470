package eu.drugsplan.common.outbox;

import eu.drugsplan.common.config.OutboxConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox records to Kafka, oldest first, and marks them published only after Kafka acknowledged
 * them. A crash between the two publishes a batch again; consumers drop the duplicates by event id.
 * One relay at a time holds a PostgreSQL advisory lock, so several replicas never reorder a series' events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock within a service's database. */
    private static final long RELAY_LOCK = 0x4F5554424F58L;

    private final EntityManager entityManager;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final OutboxSignal signal;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(EntityManager entityManager,
                       @Channel("outbox") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter,
                       OutboxConfig config, OutboxSignal signal) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.config = config;
        this.signal = signal;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(config.sendTimeout().toMillis());
        }
    }

    /** A dedicated thread: the scheduler cannot run sub-second intervals, and freshness is measured in milliseconds. */
    private void relayUntilStopped() {
        while (running) {
            try {
                signal.await(config.pollInterval());
                Thread.sleep(config.gatherDelay().toMillis());
                relayPending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void relayPending() throws InterruptedException {
        try {
            int published;
            do {
                published = relayBatch();
            } while (published == config.batchSize() && running);
        } catch (RuntimeException e) {
            // Kafka unavailable or slow: the records stay in the outbox and the next pass retries them.
            LOG.warnf("outbox relay paused: %s", e.getMessage());
            Thread.sleep(config.retryBackoff().toMillis());
        }
    }

    /** @return how many records this call published */
    @Transactional
    public int relayBatch() {
        if (!tryRelayLock()) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.find("publishedAt is null order by id")
                .page(0, config.batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        awaitAcknowledgements(batch);
        Instant now = Instant.now();
        batch.forEach(record -> record.publishedAt = now);
        return batch.size();
    }

    @Scheduled(every = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgePublished() {
        OutboxEvent.delete("publishedAt < ?1", Instant.now().minus(config.retention()));
    }

    private boolean tryRelayLock() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    private void awaitAcknowledgements(List<OutboxEvent> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent record : batch) {
            acks.add(send(record));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<Void> send(OutboxEvent record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic)
                .withKey(record.messageKey)
                .withHeaders(List.of(new org.apache.kafka.common.header.internals.RecordHeader(
                        "event-id", record.eventId.toString().getBytes(StandardCharsets.UTF_8))))
                .build();
        // The Kafka connector opens the producer span under this parent and writes its traceparent header,
        // so the consumer continues the trace of the request that wrote the record, not a trace of the relay.
        Metadata metadata = record.traceparent == null
                ? Metadata.of(kafka)
                : Metadata.of(kafka, TracingMetadata.withCurrent(TraceContext.parentOf(record.traceparent)));
        Message<String> message = Message.of(record.payload, metadata,
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acknowledged;
    }
}
