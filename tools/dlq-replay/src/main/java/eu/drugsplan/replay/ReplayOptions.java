package eu.drugsplan.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What to replay: the dead-letter topic, optionally one partition and an offset range in it, or the records of
 * some event ids; where to (by default the topic each record came from); and whether only to list them.
 */
public record ReplayOptions(String bootstrapServers, String deadLetterTopic, Optional<String> target,
                            OptionalInt partition, long fromOffset, long toOffset, Set<String> eventIds,
                            boolean dryRun, Duration timeout) {

    static final String USAGE = """
            usage: replay-dlq.sh <dead-letter-topic> [--to TOPIC] [--partition N] [--from-offset N] [--to-offset N]
                                 [--event-id ID]... [--dry-run] [--bootstrap-servers HOST:PORT] [--timeout SECONDS]
              Re-publishes the records of <dead-letter-topic> (observations.v1.dlq, series-updated.v1.dlq) to the
              topic they came from (or --to), keys and headers kept. --from-offset/--to-offset (inclusive) select by
              offset, best with --partition; --event-id (repeatable) selects the records of those event ids.
              --dry-run lists what would be replayed and publishes nothing. KAFKA_BOOTSTRAP_SERVERS is the default
              broker (127.0.0.1:9092).""";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReplayOptions {
        eventIds = Set.copyOf(eventIds);
    }

    /** Every record of the topic, published back where it came from. */
    public static ReplayOptions all(String bootstrapServers, String deadLetterTopic) {
        return new ReplayOptions(bootstrapServers, deadLetterTopic, Optional.empty(), OptionalInt.empty(), 0,
                Long.MAX_VALUE, Set.of(), false, Duration.ofSeconds(30));
    }

    public ReplayOptions onlyEvents(Set<String> ids) {
        return new ReplayOptions(bootstrapServers, deadLetterTopic, target, partition, fromOffset, toOffset, ids,
                dryRun, timeout);
    }

    public ReplayOptions asDryRun() {
        return new ReplayOptions(bootstrapServers, deadLetterTopic, target, partition, fromOffset, toOffset, eventIds,
                true, timeout);
    }

    public ReplayOptions to(String topic) {
        return new ReplayOptions(bootstrapServers, deadLetterTopic, Optional.of(topic), partition, fromOffset, toOffset,
                eventIds, dryRun, timeout);
    }

    public ReplayOptions offsets(int onePartition, long from, long to) {
        return new ReplayOptions(bootstrapServers, deadLetterTopic, target, OptionalInt.of(onePartition), from, to,
                eventIds, dryRun, timeout);
    }

    boolean selects(ConsumerRecord<String, String> record) {
        if (record.offset() < fromOffset || record.offset() > toOffset) {
            return false;
        }
        return eventIds.isEmpty() || eventIdOf(record.value()).filter(eventIds::contains).isPresent();
    }

    /** The event id of an event record (both topics' events carry one); none for a record that is not JSON. */
    static Optional<String> eventIdOf(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode id = JSON.readTree(value).path("eventId");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (java.io.IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    static ReplayOptions parse(String[] args, Map<String, String> environment) {
        String topic = null;
        ReplayOptions options = all(environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), "");
        Set<String> ids = new LinkedHashSet<>();
        OptionalInt partition = OptionalInt.empty();
        long from = 0;
        long to = Long.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--to" -> options = options.to(value(args, ++i, arg));
                case "--partition" -> partition = OptionalInt.of(Integer.parseInt(value(args, ++i, arg)));
                case "--from-offset" -> from = Long.parseLong(value(args, ++i, arg));
                case "--to-offset" -> to = Long.parseLong(value(args, ++i, arg));
                case "--event-id" -> ids.add(value(args, ++i, arg));
                case "--dry-run" -> options = options.asDryRun();
                case "--bootstrap-servers" -> options = new ReplayOptions(value(args, ++i, arg), "", options.target(),
                        OptionalInt.empty(), 0, Long.MAX_VALUE, Set.of(), options.dryRun(), options.timeout());
                case "--timeout" -> options = new ReplayOptions(options.bootstrapServers(), "", options.target(),
                        OptionalInt.empty(), 0, Long.MAX_VALUE, Set.of(), options.dryRun(),
                        Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
                default -> {
                    if (arg.startsWith("--") || topic != null) {
                        throw new IllegalArgumentException("unexpected argument: " + arg);
                    }
                    topic = arg;
                }
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("name the dead-letter topic to replay");
        }
        return new ReplayOptions(options.bootstrapServers(), topic, options.target(), partition, from, to, ids,
                options.dryRun(), options.timeout());
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }
}
