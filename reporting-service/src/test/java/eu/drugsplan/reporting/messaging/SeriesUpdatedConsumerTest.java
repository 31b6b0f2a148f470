package eu.drugsplan.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeriesUpdatedConsumerTest {

    private static final String TOPIC = "series-updated.v1";

    @Test
    void a_series_update_yields_its_latest_value_and_year_on_year_change() {
        String area = uniqueArea();
        String key = "PI09.DRUG_INDUCED_DEATHS:" + area + ":SEX=M";
        TopicProbe.send(TOPIC, key, event(key, area, 3, "[[\"2019\",100],[\"2020\",110],[\"2021\",132]]"));

        JsonPath trend = awaitTrend(area, 3);

        assertThat(trend.getString("trends[0].seriesKey")).isEqualTo(key);
        assertThat(trend.getDouble("trends[0].latest.value")).isEqualTo(132.0);
        assertThat(trend.getString("trends[0].latest.period")).isEqualTo("2021");
        // 110 -> 132 is +22, +20 %: above the 10 % band
        assertThat(trend.getDouble("trends[0].yearOnYear.absoluteChange")).isEqualTo(22.0);
        assertThat(trend.getDouble("trends[0].yearOnYear.percentChange")).isEqualTo(20.0);
        assertThat(trend.getString("trends[0].yearOnYear.label")).isEqualTo("INCREASE");
        assertThat(trend.getInt("trends[0].pointCount")).isEqualTo(3);
    }

    /** Issue 16: a point flagged B starts the segment Mann-Kendall is computed on, and the trend JSON says so. */
    @Test
    void a_point_flagged_as_a_break_starts_the_segment_the_trend_test_uses() {
        String area = uniqueArea();
        String key = "PI09.DRUG_INDUCED_DEATHS:" + area + ":SEX=T";
        TopicProbe.send(TOPIC, key, event(key, area, 1, "[[\"2016\",10],[\"2017\",11],[\"2018\",12],"
                + "[\"2019\",40,\"B\"],[\"2020\",41],[\"2021\",42]]"));

        JsonPath trend = awaitTrend(area, 1);

        assertThat(trend.getList("trends[0].segment.breaks")).containsExactly("2019");
        assertThat(trend.getString("trends[0].segment.start")).isEqualTo("2019");
        assertThat(trend.getInt("trends[0].segment.pointCount")).isEqualTo(3);
        assertThat(trend.getInt("trends[0].pointCount")).isEqualTo(6);
        assertThat(trend.getInt("trends[0].mannKendall.n")).isEqualTo(3);
        assertThat(trend.getLong("trends[0].mannKendall.s")).isEqualTo(3L);
    }

    @Test
    void an_older_data_version_never_replaces_a_newer_trend() {
        String area = uniqueArea();
        String key = "PI09.DRUG_INDUCED_DEATHS:" + area + ":SEX=F";
        TopicProbe.send(TOPIC, key, event(key, area, 2, "[[\"2020\",50],[\"2021\",52]]"));
        TopicProbe.send(TOPIC, key, event(key, area, 1, "[[\"2020\",50]]"));
        TopicProbe.send(TOPIC, key, event(key, area, 2, "[[\"2020\",50]]"));
        String marker = uniqueArea();
        TopicProbe.send(TOPIC, "x", event("PI09.DRUG_INDUCED_DEATHS:" + marker, marker, 1, "[[\"2020\",1]]"));
        awaitTrend(marker, 1);

        JsonPath trend = awaitTrend(area, 2);

        assertThat(trend.getDouble("trends[0].latest.value")).isEqualTo(52.0);
        assertThat(trend.getString("trends[0].yearOnYear.label")).isEqualTo("STABLE");
    }

    @Test
    void a_record_that_cannot_be_read_goes_to_the_dead_letter_topic_and_does_not_block_its_partition() {
        String area = uniqueArea();
        String key = "PI09.DRUG_INDUCED_DEATHS:" + area + ":SEX=M";
        String poison = "{\"version\":1,\"seriesKey\":\"" + key + "\",\"dataVersion\":\"not a number\"";
        TopicProbe.send(TOPIC, key, poison);
        TopicProbe.send(TOPIC, key, event(key, area, 1, "[[\"2020\",7]]"));

        JsonPath trend = awaitTrend(area, 1);

        assertThat(trend.getDouble("trends[0].latest.value")).isEqualTo(7.0);
        var dead = TopicProbe.await(TOPIC + ".dlq", r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(dead).extracting(r -> r.value()).containsExactly(poison);
        assertThat(dead.get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
    }

    private static JsonPath awaitTrend(String area, long dataVersion) {
        JsonPath[] holder = new JsonPath[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath body = given().queryParam("area", area).get("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS").jsonPath();
            holder[0] = body;
            return body.getList("trends").size() == 1 && body.getLong("trends[0].dataVersion") == dataVersion;
        });
        return holder[0];
    }

    private static String uniqueArea() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String event(String key, String area, long dataVersion, String points) {
        StringBuilder observations = new StringBuilder("[");
        JsonPath.from("{\"p\":" + points + "}").getList("p", java.util.List.class).forEach(p ->
                observations.append("{\"period\":\"").append(p.get(0)).append("\",\"value\":").append(p.get(1))
                        .append(",\"status\":\"").append(p.size() > 2 ? p.get(2) : "A").append("\"},"));
        observations.setLength(observations.length() - 1);
        observations.append(']');
        return """
                {"version":1,"eventId":"%s","seriesKey":"%s","measure":"PI09.DRUG_INDUCED_DEATHS","area":"%s",
                 "dimensions":{},"dataVersion":%d,"changedAt":"2026-11-22T10:00:00Z","observations":%s}"""
                .formatted(UUID.randomUUID(), key, area, dataVersion, observations);
    }
}
