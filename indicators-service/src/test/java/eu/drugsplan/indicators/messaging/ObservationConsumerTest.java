package eu.drugsplan.indicators.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.indicators.repository.ObservationVersion;
import eu.drugsplan.indicators.repository.Series;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservationConsumerTest {

    private static final String TOPIC = "observations.v1";

    @Test
    void an_observation_event_is_stored_and_announced_as_a_series_update() {
        String area = uniqueArea();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", "4238", "MERGE"));

        JsonPath series = awaitSeries(area, s -> s.getList("series[0].observations").size() == 1);
        assertThat(series.getString("series[0].seriesKey")).isEqualTo(key);
        assertThat(series.getDouble("series[0].observations[0].value")).isEqualTo(4238.0);
        assertThat(series.getLong("series[0].dataVersion")).isEqualTo(1);

        var announced = TopicProbe.await("series-updated.v1", r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(announced).isNotEmpty();
        assertThat(announced.get(0).value()).contains("\"dataVersion\":1", "\"period\":\"2017\"", "\"version\":1");
    }

    @Test
    void the_series_update_continues_the_trace_the_observation_event_arrived_with() {
        String area = uniqueArea();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        String traceId = UUID.randomUUID().toString().replace("-", "");
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", "12", "MERGE"),
                java.util.Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        var announced = TopicProbe.await("series-updated.v1", r -> key.equals(r.key()), Duration.ofSeconds(20));

        assertThat(announced).isNotEmpty();
        var traceparent = announced.get(0).headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header of the series-updated record").isNotNull();
        assertThat(new String(traceparent.value(), java.nio.charset.StandardCharsets.UTF_8)).contains(traceId);
    }

    @Test
    void a_redelivered_event_is_applied_once_and_a_new_value_is_a_revision_with_history() {
        String area = uniqueArea();
        UUID first = UUID.randomUUID();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        TopicProbe.send(TOPIC, key, event(first, area, "2017", "100", "MERGE"));
        TopicProbe.send(TOPIC, key, event(first, area, "2017", "100", "MERGE"));
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", "120", "MERGE"));

        JsonPath series = awaitSeries(area, s -> s.getDouble("series[0].observations[0].value") == 120.0);

        assertThat(series.getLong("series[0].dataVersion")).isEqualTo(2);
        assertThat(history(key, "2017")).extracting(v -> v.value.intValue()).containsExactly(100, 120);
    }

    @Test
    void an_identical_value_sent_again_under_a_new_event_id_changes_nothing() {
        String area = uniqueArea();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", "7", "MERGE"));
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", "7.0", "MERGE"));
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2018", "8", "MERGE"));

        JsonPath series = awaitSeries(area, s -> s.getList("series[0].observations").size() == 2);

        assertThat(series.getLong("series[0].dataVersion")).isEqualTo(2);
        assertThat(history(key, "2017")).hasSize(1);
    }

    @Test
    void a_delete_removes_the_current_value_and_leaves_a_tombstone_in_the_history() {
        String area = uniqueArea();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2016", "5", "MERGE"));
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", "6", "MERGE"));
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2016", null, "DELETE"));

        JsonPath series = awaitSeries(area, s -> s.getLong("series[0].dataVersion") == 3);

        assertThat(series.getList("series[0].observations.period")).containsExactly("2017");
        List<ObservationVersion> history = history(key, "2016");
        assertThat(history).extracting(v -> v.deleted).containsExactly(false, true);
    }

    @Test
    void a_record_that_cannot_be_read_goes_to_the_dead_letter_topic_and_does_not_block_its_partition() {
        String area = uniqueArea();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        String poison = "{not json " + area;
        TopicProbe.send(TOPIC, key, poison);
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", "1", "MERGE"));

        awaitSeries(area, s -> s.getList("series").size() == 1);
        assertThat(TopicProbe.await(TOPIC + ".dlq", r -> poison.equals(r.value()), Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void a_poison_record_in_the_middle_of_a_batch_costs_none_of_the_records_around_it() {
        String area = uniqueArea();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        String poison = "{\"version\":1,\"eventId\":\"not-a-uuid\",\"area\":\"" + area + "\"}";
        for (int year = 2000; year < 2010; year++) {
            TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, Integer.toString(year), "1", "MERGE"));
        }
        TopicProbe.send(TOPIC, key, poison);
        for (int year = 2010; year < 2020; year++) {
            TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, Integer.toString(year), "1", "MERGE"));
        }

        JsonPath series = awaitSeries(area, s -> s.getList("series[0].observations").size() == 20);

        assertThat(series.getLong("series[0].dataVersion")).isEqualTo(20);
        assertThat(TopicProbe.await(TOPIC + ".dlq", r -> poison.equals(r.value()), Duration.ofSeconds(20)))
                .singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(key));
    }

    @Test
    void changes_of_one_series_end_with_an_announcement_of_its_final_state() {
        String area = uniqueArea();
        String key = "PI10.OST_CLIENTS:" + area + ":MEDICATION=METHADONE";
        for (int value = 1; value <= 25; value++) {
            TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2017", Integer.toString(value), "MERGE"));
        }
        awaitSeries(area, s -> s.getLong("series[0].dataVersion") == 25);

        var announced = TopicProbe.await("series-updated.v1",
                r -> key.equals(r.key()) && r.value().contains("\"dataVersion\":25,"), Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).value()).contains("\"value\":25");
    }

    private static JsonPath awaitSeries(String area, java.util.function.Predicate<JsonPath> condition) {
        JsonPath[] holder = new JsonPath[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath body = given().queryParam("area", area).get("/api/v1/data/PI10.OST_CLIENTS").jsonPath();
            holder[0] = body;
            try {
                return !body.getList("series").isEmpty() && condition.test(body);
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return holder[0];
    }

    private static List<ObservationVersion> history(String seriesKey, String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Series series = Series.byKey(seriesKey).orElseThrow();
            return ObservationVersion.history(series.id, period);
        });
    }

    /** Test areas are unique, so tests never see each other's series on the shared broker. */
    private static String uniqueArea() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String event(UUID eventId, String area, String period, String value, String action) {
        return """
                {"version":1,"eventId":"%s","submissionId":"%s","reporter":"EUDA","action":"%s",
                 "measure":"PI10.OST_CLIENTS","area":"%s","dimensions":%s,"period":"%s","value":%s,
                 "status":"A","comment":null,"receivedAt":"2026-11-22T10:00:00Z"}"""
                .formatted(eventId, UUID.randomUUID(), action, area, toJson(Map.of("MEDICATION", "METHADONE")),
                        period, value);
    }

    private static String toJson(Map<String, String> map) {
        StringBuilder json = new StringBuilder("{");
        map.forEach((k, v) -> json.append('"').append(k).append("\":\"").append(v).append("\","));
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }
}
