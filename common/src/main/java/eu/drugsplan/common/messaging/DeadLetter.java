package eu.drugsplan.common.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The dead-letter copy of a consumed record: its key, value and headers unchanged, and where it came from and why
 * it failed in headers, so that an operator can fix and replay it ({@code deploy/local/replay-dlq.sh}).
 */
public final class DeadLetter {

    private DeadLetter() {
    }

    public static Message<String> of(ConsumerRecord<String, String> record, Exception reason) {
        // the original headers (traceparent ...) travel with it, so that a replay publishes the record as it was
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(header -> {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        });
        headers.add("dead-letter-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        return Message.of(record.value()).addMetadata(metadata);
    }
}
