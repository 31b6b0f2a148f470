package eu.drugsplan.replay;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Re-publishes the records of a dead-letter topic ({@code observations.v1.dlq}, {@code series-updated.v1.dlq})
 * to the topic they came from, key, value and headers as they were, without the {@code dead-letter-*} headers
 * and with a {@code replayed-from} header. It reads the topic up to its end as it stands when the replay starts
 * (a record that fails again and is dead-lettered anew is not replayed in a loop) and commits no consumer
 * offsets: a replay can be repeated, and repeating it is safe because both consumers apply an event id once.
 */
public final class DeadLetterReplay {

    static final String REPLAYED_FROM = "replayed-from";
    private static final Duration POLL = Duration.ofMillis(500);

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage());
            System.err.println(ReplayOptions.USAGE);
            System.exit(2);
            return;
        }
        Result result = run(options, System.out);
        System.out.printf("%s %d of %d records of %s%n", options.dryRun() ? "would replay" : "replayed",
                result.selected(), result.read(), options.deadLetterTopic());
    }

    /** What a replay read and re-published (or, in a dry run, would have). */
    public record Result(int read, int selected, List<String> targets) {
    }

    public static Result run(ReplayOptions options, PrintStream log) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(options));
             KafkaProducer<String, String> producer = options.dryRun() ? null : new KafkaProducer<>(producerConfig(options))) {
            List<TopicPartition> partitions = partitions(consumer, options);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(options.fromOffset(), consumer.beginningOffsets(List.of(partition)).get(partition)));
            }
            return replay(consumer, producer, end, options, log);
        }
    }

    private static Result replay(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer,
                                 Map<TopicPartition, Long> end, ReplayOptions options, PrintStream log) {
        int read = 0;
        List<String> targets = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        Instant deadline = Instant.now().plus(options.timeout());
        while (!reachedEnd(consumer, end) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                read++;
                if (options.selects(record)) {
                    String target = options.target().orElseGet(() -> originOf(record));
                    targets.add(target);
                    log.printf("%s %s-%d@%d -> %s key=%s reason=%s%n", options.dryRun() ? "would replay" : "replay",
                            record.topic(), record.partition(), record.offset(), target, record.key(),
                            header(record, "dead-letter-reason"));
                    if (producer != null) {
                        sent.add(producer.send(republished(record, target)));
                    }
                }
            }
        }
        if (!reachedEnd(consumer, end)) {
            throw new IllegalStateException("the dead-letter topic could not be read to its end within " + options.timeout());
        }
        awaitAcknowledged(sent);
        return new Result(read, targets.size(), targets);
    }

    /** The record as it was first published: its key, value and own headers, and where the replay took it from. */
    static ProducerRecord<String, String> republished(ConsumerRecord<String, String> record, String target) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-") && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }

    /** The dead-letter copy names its topic; a record without that header came from the name without ".dlq". */
    static String originOf(ConsumerRecord<String, String> record) {
        String origin = header(record, "dead-letter-topic");
        if (origin != null && !origin.isBlank()) {
            return origin;
        }
        if (!record.topic().endsWith(".dlq")) {
            throw new IllegalArgumentException(record.topic() + " is not a dead-letter topic: name the target with --to");
        }
        return record.topic().substring(0, record.topic().length() - ".dlq".length());
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, ReplayOptions options) {
        List<TopicPartition> partitions = consumer.partitionsFor(options.deadLetterTopic(), options.timeout()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .filter(p -> options.partition().isEmpty() || options.partition().getAsInt() == p.partition())
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("no partition to read of " + options.deadLetterTopic());
        }
        return partitions;
    }

    private static void awaitAcknowledged(List<Future<RecordMetadata>> sent) {
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before every record was acknowledged", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a record could not be re-published: " + e.getCause().getMessage(), e);
            }
        }
    }

    private static Properties consumerConfig(ReplayOptions options) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }

    private static Properties producerConfig(ReplayOptions options) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }
}
