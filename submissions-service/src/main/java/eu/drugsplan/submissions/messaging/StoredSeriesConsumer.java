package eu.drugsplan.submissions.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.messaging.BatchConsumer;
import eu.drugsplan.common.messaging.BatchConsumer.Read;
import eu.drugsplan.common.messaging.DeadLetterTopic;
import eu.drugsplan.common.messaging.SeriesUpdates;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.submissions.repository.StoredSeriesCopy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of the official series from indicators-service's series-updated events, a poll's batch
 * at a time (common's {@link BatchConsumer} and {@link SeriesUpdates}): of several events of one series only the
 * newest is written, unreadable
 * records go to this consumer's own dead-letter topic, a database outage is waited out.
 */
@ApplicationScoped
public class StoredSeriesConsumer extends SeriesUpdates {

    private final StoredSeriesCopy copy;
    private final BatchConsumer<SeriesUpdatedEvent> batches;

    public StoredSeriesConsumer(StoredSeriesCopy copy, ObjectMapper json,
                                @Channel("stored-series-dlq") MutinyEmitter<String> deadLetters) {
        super(json);
        this.copy = copy;
        this.batches = new BatchConsumer<>("stored-series copy", new DeadLetterTopic(deadLetters), this);
    }

    @Incoming("stored-series")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        batches.consume(records);
    }

    @Override
    public void apply(List<Read<SeriesUpdatedEvent>> batch) {
        copy.keep(batch.stream().map(Read::event).toList());
    }
}
