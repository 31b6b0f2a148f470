package eu.drugsplan.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.messaging.BatchConsumer;
import eu.drugsplan.common.messaging.BatchConsumer.Read;
import eu.drugsplan.common.messaging.DeadLetterTopic;
import eu.drugsplan.common.messaging.SeriesUpdates;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.reporting.service.TrendUpdater;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Recomputes the trend of each series announced by indicators-service, a poll's batch at a time (common's
 * {@link BatchConsumer}: unreadable records and records whose trend cannot be computed go to the dead-letter topic,
 * a database outage is waited out). Every event carries the whole series, so of the events of one series in a batch
 * only the newest data version is computed: under a burst the consumer catches up in one computation per series
 * instead of one per change, which is what keeps trends fresh when changes arrive faster than trends can be
 * computed one by one. The batch is one transaction, so that an EU total is recomputed once for all its countries'
 * changes. Idempotent by data version: an older or repeated event leaves the stored trend as it is.
 */
@ApplicationScoped
public class SeriesUpdatedConsumer extends SeriesUpdates {

    private final TrendUpdater updater;
    private final Counter superseded;
    private final BatchConsumer<SeriesUpdatedEvent> batches;

    public SeriesUpdatedConsumer(TrendUpdater updater, ObjectMapper json,
                                 @Channel("series-updated-dlq") MutinyEmitter<String> deadLetters,
                                 MeterRegistry registry) {
        super(json);
        this.updater = updater;
        this.superseded = Counter.builder("trend.updates.superseded")
                .description("series-updated events not computed because a newer one of the same series was in the same batch")
                .register(registry);
        this.batches = new BatchConsumer<>("trends", new DeadLetterTopic(deadLetters), this);
    }

    @Incoming("series-updated")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        batches.consume(records);
    }

    @Override
    public List<Read<SeriesUpdatedEvent>> reduce(List<Read<SeriesUpdatedEvent>> batch) {
        List<Read<SeriesUpdatedEvent>> newest = super.reduce(batch);
        superseded.increment(batch.size() - newest.size());
        return newest;
    }

    @Override
    public void apply(List<Read<SeriesUpdatedEvent>> batch) {
        updater.updateAll(batch.stream().map(Read::event).toList());
    }
}
