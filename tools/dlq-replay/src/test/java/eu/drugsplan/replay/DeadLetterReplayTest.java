package eu.drugsplan.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.testsupport.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Against the test broker (KAFKA_BOOTSTRAP_SERVERS), on topics of its own. */
class DeadLetterReplayTest {

    private final String origin = "replay-test-" + UUID.randomUUID();
    private final String deadLetters = origin + ".dlq";
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void records_go_back_to_the_topic_they_came_from_with_their_key_and_own_headers() {
        deadLetter("key-1", event("a"), Map.of("traceparent", "00-abc-01"));

        DeadLetterReplay.Result result = DeadLetterReplay.run(options(), out());

        assertThat(result.selected()).isEqualTo(1);
        ConsumerRecord<String, String> replayed = single(origin);
        assertThat(replayed.key()).isEqualTo("key-1");
        assertThat(replayed.value()).isEqualTo(event("a"));
        assertThat(DeadLetterReplay.header(replayed, "traceparent")).isEqualTo("00-abc-01");
        assertThat(DeadLetterReplay.header(replayed, "dead-letter-reason")).isNull();
        assertThat(DeadLetterReplay.header(replayed, "dead-letter-topic")).isNull();
        assertThat(DeadLetterReplay.header(replayed, DeadLetterReplay.REPLAYED_FROM)).startsWith(deadLetters + "-");
    }

    @Test
    void a_dry_run_lists_what_it_would_replay_and_publishes_nothing() {
        deadLetter("key-1", event("a"), Map.of());

        DeadLetterReplay.Result result = DeadLetterReplay.run(options().asDryRun(), out());

        assertThat(result.selected()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("would replay", "key=key-1", "reason=it failed");
        assertThat(TopicProbe.await(origin, r -> true, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void event_ids_select_the_records_to_replay() {
        deadLetter("key-1", event("a"), Map.of());
        deadLetter("key-2", event("b"), Map.of());
        deadLetter("key-3", "{not json", Map.of());

        DeadLetterReplay.Result result = DeadLetterReplay.run(options().onlyEvents(Set.of(id("b"))), out());

        assertThat(result.read()).isEqualTo(3);
        assertThat(result.selected()).isEqualTo(1);
        assertThat(single(origin).key()).isEqualTo("key-2");
    }

    @Test
    void an_offset_range_of_one_partition_selects_the_records_to_replay() {
        deadLetter("same-key", event("a"), Map.of());
        deadLetter("same-key", event("b"), Map.of());
        deadLetter("same-key", event("c"), Map.of());
        int partition = TopicProbe.await(deadLetters, r -> true, 3, Duration.ofSeconds(10)).get(0).partition();

        DeadLetterReplay.Result result = DeadLetterReplay.run(options().offsets(partition, 1, 1), out());

        assertThat(result.selected()).isEqualTo(1);
        assertThat(single(origin).value()).isEqualTo(event("b"));
    }

    @Test
    void the_command_line_names_the_topic_and_the_selection() {
        ReplayOptions parsed = ReplayOptions.parse(new String[] {"observations.v1.dlq", "--event-id", "e1",
                "--event-id", "e2", "--dry-run", "--partition", "2", "--from-offset", "5", "--to-offset", "9"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));

        assertThat(parsed.deadLetterTopic()).isEqualTo("observations.v1.dlq");
        assertThat(parsed.eventIds()).containsExactlyInAnyOrder("e1", "e2");
        assertThat(parsed.dryRun()).isTrue();
        assertThat(parsed.partition().getAsInt()).isEqualTo(2);
        assertThat(parsed.fromOffset()).isEqualTo(5);
        assertThat(parsed.toOffset()).isEqualTo(9);
        assertThat(parsed.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--dry-run"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ReplayOptions options() {
        return ReplayOptions.all(TopicProbe.bootstrapServers(), deadLetters);
    }

    private PrintStream out() {
        return new PrintStream(log, true, StandardCharsets.UTF_8);
    }

    private void deadLetter(String key, String value, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("dead-letter-reason", "it failed");
        all.put("dead-letter-topic", origin);
        TopicProbe.send(deadLetters, key, value, all);
    }

    private static ConsumerRecord<String, String> single(String topic) {
        List<ConsumerRecord<String, String>> records = TopicProbe.await(topic, r -> true, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private String event(String name) {
        return "{\"eventId\":\"" + id(name) + "\"}";
    }

    private String id(String name) {
        return origin + "-" + name;
    }
}
