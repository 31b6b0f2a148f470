package eu.drugsplan.common.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * A consumer's dead-letter topic: sends a record the consumer cannot use as a {@link DeadLetter} and waits for
 * Kafka's acknowledgement, so that the batch is committed only once the record is safe there. Each consumer
 * builds one from the emitter of its own dead-letter channel.
 */
public final class DeadLetterTopic {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetterTopic(MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, Exception reason) {
        LOG.warnf("record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason.getMessage());
        emitter.sendMessageAndAwait(DeadLetter.of(record, reason));
    }
}
