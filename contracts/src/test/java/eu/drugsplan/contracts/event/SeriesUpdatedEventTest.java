package eu.drugsplan.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every consumer of series-updated events refuses, and which of several events of a series it keeps. */
class SeriesUpdatedEventTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String GOOD = """
            {"version": 1, "eventId": "%s", "seriesKey": "PI09.X:AT", "measure": "PI09.X", "area": "AT",
             "dimensions": {}, "dataVersion": 3, "changedAt": "2026-12-08T01:00:00Z",
             "observations": [{"period": "2020", "value": 0.1000000000000000055511, "status": "A"}]}"""
            .formatted(UUID.randomUUID());

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"version", "seriesKey", "measure", "observations"})
    void an_event_without_its_version_series_measure_or_observations_is_refused(String field) throws IOException {
        ObjectNode without = (ObjectNode) JSON.readTree(GOOD);
        without.remove(field);

        assertThatThrownBy(() -> SeriesUpdatedEvent.read(JSON, without.toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {0, 2})
    void an_event_of_another_version_is_refused(int version) {
        assertThatThrownBy(() -> SeriesUpdatedEvent.read(JSON, GOOD.replace("\"version\": 1", "\"version\": " + version)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version " + version);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "{", "[]", "{\"version\": \"one\"}", "{\"version\": 1, \"unknown\": true}"})
    void a_payload_that_is_no_event_is_refused(String payload) {
        assertThatThrownBy(() -> SeriesUpdatedEvent.read(JSON, payload)).isInstanceOfAny(IOException.class,
                IllegalArgumentException.class);
    }

    @Test
    void a_good_event_is_read_and_its_value_keeps_every_digit() throws IOException {
        SeriesUpdatedEvent event = SeriesUpdatedEvent.read(JSON, GOOD);

        assertThat(event.seriesKey()).isEqualTo("PI09.X:AT");
        assertThat(event.dataVersion()).isEqualTo(3);
        assertThat(event.observations().get(0).value()).isEqualTo(new BigDecimal("0.1000000000000000055511"));
    }

    private static SeriesUpdatedEvent event(String key, long dataVersion) {
        return new SeriesUpdatedEvent(1, UUID.randomUUID(), key, "PI09.X", "AT", Map.of(), dataVersion, Instant.EPOCH,
                List.of());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            A1                | A1
            A1 A2 A3          | A3
            A3 A1 A2          | A3
            A2 B1 A5 B4 A3    | A5 B4
            B1 A1 B2          | B2 A1
            A2 A2             | A2
            """)
    void of_several_events_of_a_series_the_highest_data_version_is_kept_in_the_order_series_first_appear(
            String events, String kept) {
        List<SeriesUpdatedEvent> batch = Arrays.stream(events.split(" "))
                .map(e -> event(e.substring(0, 1), Long.parseLong(e.substring(1)))).toList();

        List<String> newest = SeriesUpdatedEvent.newestPerSeries(batch, e -> e).stream()
                .map(e -> e.seriesKey() + e.dataVersion()).toList();

        assertThat(newest).containsExactly(kept.split(" "));
    }
}
