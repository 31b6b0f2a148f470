package eu.drugsplan.indicators.messaging;

import eu.drugsplan.common.messaging.DeadLetter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Sends a record the store cannot use to the observations dead-letter topic and waits for Kafka's acknowledgement,
 * so that the batch is committed only once the record is safe there.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("observations-dlq") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, Exception reason) {
        LOG.warnf("record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason.getMessage());
        emitter.sendMessageAndAwait(DeadLetter.of(record, reason));
    }
}
