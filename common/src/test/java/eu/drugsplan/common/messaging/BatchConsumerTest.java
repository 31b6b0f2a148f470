package eu.drugsplan.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consumers' one batch rule, on records whose value is the event: "bad" cannot be read, "poison" cannot be
 * applied, "outage" finds the database unreachable for as many tries as {@code outages} says.
 */
class BatchConsumerTest {

    private final List<String> deadLettered = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final List<List<String>> applied = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private int outages;

    private final BatchConsumer.Handler<String> handler = new BatchConsumer.Handler<>() {
        @Override
        public String read(ConsumerRecord<String, String> record) {
            if (record.value().equals("bad")) {
                throw new IllegalArgumentException("unreadable");
            }
            return record.value();
        }

        @Override
        public void apply(List<BatchConsumer.Read<String>> batch) {
            List<String> events = batch.stream().map(BatchConsumer.Read::event).toList();
            if (outages > 0) {
                outages--;
                throw new IllegalStateException(new SQLException("connection refused", "08001"));
            }
            if (events.contains("poison")) {
                throw new IllegalArgumentException("cannot apply poison");
            }
            applied.add(events);
        }

        @Override
        public void unreadable(ConsumerRecord<String, String> record, Exception reason) {
            told.add("unreadable " + record.value());
        }

        @Override
        public void failed(BatchConsumer.Read<String> read, Exception reason) {
            told.add("failed " + read.event());
        }
    };

    private final BatchConsumer<String> consumer = new BatchConsumer<>("test",
            (record, reason) -> deadLettered.add(record.value()), handler, pauses::add);

    private static List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("topic", 0, i, "key" + i, values[i]));
        }
        return records;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all good, applied together          | a b c     | a+b+c | ''        | ''
            an unreadable one, never applied    | a bad c   | a+c   | bad       | unreadable bad
            a poison one, the rest one by one   | a poison c| a/c   | poison    | failed poison
            a poison one alone                  | poison    | ''    | poison    | failed poison
            only unreadable ones, nothing applied| bad bad  | ''    | bad/bad   | unreadable bad/unreadable bad
            """)
    void a_batch(String name, String values, String expectedApplied, String expectedDeadLetters, String expectedTold)
            throws InterruptedException {
        consumer.consume(records(values.trim().split(" +")));

        assertThat(applied.stream().map(batch -> String.join("+", batch)).toList())
                .isEqualTo(expectedApplied.isEmpty() ? List.of() : List.of(expectedApplied.split("/")));
        assertThat(deadLettered).isEqualTo(expectedDeadLetters.isEmpty() ? List.of() : List.of(expectedDeadLetters.split("/")));
        assertThat(told).isEqualTo(expectedTold.isEmpty() ? List.of() : List.of(expectedTold.split("/")));
    }

    @Test
    void a_database_outage_is_waited_out_with_growing_pauses_and_nothing_is_dead_lettered() throws InterruptedException {
        outages = 7;

        consumer.consume(records("a", "b"));

        assertThat(applied).containsExactly(List.of("a", "b"));
        assertThat(deadLettered).isEmpty();
        assertThat(pauses).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L);
    }

    @Test
    void reduce_chooses_what_is_applied_and_the_fallback_applies_only_that() throws InterruptedException {
        BatchConsumer.Handler<String> newestOnly = new BatchConsumer.Handler<>() {
            @Override
            public String read(ConsumerRecord<String, String> record) {
                return record.value();
            }

            @Override
            public void apply(List<BatchConsumer.Read<String>> batch) {
                applied.add(batch.stream().map(BatchConsumer.Read::event).toList());
            }

            @Override
            public List<BatchConsumer.Read<String>> reduce(List<BatchConsumer.Read<String>> batch) {
                return batch.stream().filter(read -> !read.event().startsWith("old")).toList();
            }
        };
        new BatchConsumer<>("test", (record, reason) -> deadLettered.add(record.value()), newestOnly, pauses::add)
                .consume(records("old-a", "a", "old-b"));

        assertThat(applied).containsExactly(List.of("a"));
    }

    @Test
    void an_interrupt_during_an_outage_escapes_so_that_nothing_is_committed() {
        outages = Integer.MAX_VALUE;
        BatchConsumer<String> interrupted = new BatchConsumer<>("test", (record, reason) -> deadLettered.add(record.value()),
                handler, millis -> {
                    throw new InterruptedException("shutdown");
                });

        assertThatThrownBy(() -> interrupted.consume(records("a"))).isInstanceOf(InterruptedException.class);
        assertThat(deadLettered).isEmpty();
        assertThat(Set.copyOf(told)).isEmpty();
    }
}
