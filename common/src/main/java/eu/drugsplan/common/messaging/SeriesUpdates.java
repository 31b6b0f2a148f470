package eu.drugsplan.common.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.messaging.BatchConsumer.Read;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What every consumer of series-updated events does the same way: read a record as contracts' event (refusing
 * other versions), and of several events of one series in a batch apply only the newest, since each carries the
 * whole series. A consumer adds what it does with them.
 */
public abstract class SeriesUpdates implements BatchConsumer.Handler<SeriesUpdatedEvent> {

    private final ObjectMapper json;

    protected SeriesUpdates(ObjectMapper json) {
        this.json = json;
    }

    /** For the client proxy CDI makes of an application-scoped consumer; the proxy delegates, it never reads. */
    protected SeriesUpdates() {
        this(null);
    }

    @Override
    public SeriesUpdatedEvent read(ConsumerRecord<String, String> record) throws IOException {
        return SeriesUpdatedEvent.read(json, record.value());
    }

    @Override
    public List<Read<SeriesUpdatedEvent>> reduce(List<Read<SeriesUpdatedEvent>> batch) {
        return SeriesUpdatedEvent.newestPerSeries(batch, Read::event);
    }
}
