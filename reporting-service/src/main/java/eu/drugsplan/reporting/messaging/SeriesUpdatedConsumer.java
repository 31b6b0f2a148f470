package eu.drugsplan.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.common.messaging.DeadLetterTopic;
import eu.drugsplan.common.messaging.InfrastructureFailures;
import eu.drugsplan.reporting.service.TrendUpdater;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Recomputes the trend of each series announced by indicators-service, a poll's batch at a time. Every event
 * carries the whole series, so of the events of one series in a batch only the newest data version is
 * computed: under a burst the consumer catches up in one computation per series instead of one per change,
 * which is what keeps trends fresh when changes arrive faster than trends can be computed one by one.
 * Idempotent by data version: an older or repeated event leaves the stored trend as it is. Unreadable records,
 * and records whose trend cannot be computed, go to the dead-letter topic. A database that cannot be reached
 * says nothing about the record: the consumer waits for it and tries again, holding its partitions, instead
 * of dead-lettering a good event whose trend would then stay stale.
 */
@ApplicationScoped
public class SeriesUpdatedConsumer {

    private static final Logger LOG = Logger.getLogger(SeriesUpdatedConsumer.class);
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final TrendUpdater updater;
    private final ObjectMapper json;
    private final DeadLetterTopic deadLetters;
    private final Counter superseded;

    public SeriesUpdatedConsumer(TrendUpdater updater, ObjectMapper json,
                                 @Channel("series-updated-dlq") MutinyEmitter<String> deadLetters,
                                 MeterRegistry registry) {
        this.updater = updater;
        this.json = json;
        this.deadLetters = new DeadLetterTopic(deadLetters);
        this.superseded = Counter.builder("trend.updates.superseded")
                .description("series-updated events not computed because a newer one of the same series was in the same batch")
                .register(registry);
    }

    @Incoming("series-updated")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        Map<String, Announcement> newest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                SeriesUpdatedEvent event = read(record.value());
                Announcement previous = newest.get(event.seriesKey());
                if (previous == null || previous.event().dataVersion() < event.dataVersion()) {
                    newest.put(event.seriesKey(), new Announcement(record, event));
                }
                if (previous != null) {
                    superseded.increment();
                }
            } catch (IOException | RuntimeException unreadable) {
                deadLetters.send(record, unreadable);
            }
        }
        if (!newest.isEmpty()) {
            applyBatch(List.copyOf(newest.values()));
        }
    }

    /**
     * The batch in one transaction, so that an EU total is recomputed once for all its countries' changes;
     * if that fails for a reason of the events, they are applied one by one and only the failing one is
     * dead-lettered.
     */
    private void applyBatch(List<Announcement> batch) throws InterruptedException {
        try {
            withDatabase(batch.size() + " series", () -> updater.updateAll(batch.stream().map(Announcement::event).toList()));
        } catch (RuntimeException failed) {
            LOG.warnf(failed, "a batch of %d series updates failed; applying them one by one", batch.size());
            for (Announcement announcement : batch) {
                apply(announcement);
            }
        }
    }

    private SeriesUpdatedEvent read(String payload) throws IOException {
        SeriesUpdatedEvent event = json.readValue(payload, SeriesUpdatedEvent.class);
        if (event.version() != SeriesUpdatedEvent.CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported series-updated event version " + event.version());
        }
        if (event.seriesKey() == null || event.measure() == null || event.observations() == null) {
            throw new IllegalArgumentException("series-updated event without series key, measure or observations");
        }
        return event;
    }

    private void apply(Announcement announcement) throws InterruptedException {
        SeriesUpdatedEvent event = announcement.event();
        try {
            withDatabase(event.seriesKey() + " (data version " + event.dataVersion() + ")", () -> updater.update(event));
        } catch (RuntimeException failed) {
            deadLetters.send(announcement.record(), failed);
        }
    }

    /**
     * Runs the work, waiting and trying again while the database cannot be reached; any other failure escapes.
     * An interrupt (shutdown) ends the wait without committing: the batch is read again after a restart.
     */
    private void withDatabase(String what, Runnable work) throws InterruptedException {
        long backoff = 250;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException failed) {
                if (!InfrastructureFailures.isInfrastructure(failed)) {
                    throw failed;
                }
                LOG.warnf("database unavailable while updating the trend of %s, retrying in %d ms: %s",
                        what, backoff, failed.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private record Announcement(ConsumerRecord<String, String> record, SeriesUpdatedEvent event) {
    }
}
