package eu.drugsplan.indicators.rest;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.indicators.support.Observations.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataQueryTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    private static final Map<String, String> MALES = Map.of("SEX", "M", "AGE", "TOTAL");
    private static final Map<String, String> FEMALES = Map.of("SEX", "F", "AGE", "TOTAL");
    private static final Map<String, String> TEENS = Map.of("SEX", "T", "AGE", "Y15-19");

    @Test
    void dimension_and_period_filters_select_series_and_observations() {
        String area = threeSeries();

        JsonPath body = given().queryParam("area", area).queryParam("SEX", "M,F").queryParam("startPeriod", "2016")
                .get("/api/v1/data/" + DEATHS).then().statusCode(200).extract().jsonPath();

        assertThat(body.getList("series.dimensions.SEX")).containsExactly("F", "M");
        assertThat(body.getList("series[1].observations.period")).containsExactly("2016", "2017");
        assertThat(body.getList("series[0].observations.period")).containsExactly("2016");

        JsonPath upTo2016 = given().queryParam("area", area).queryParam("endPeriod", "2016")
                .queryParam("AGE", "TOTAL").get("/api/v1/data/" + DEATHS).jsonPath();
        assertThat(upTo2016.getList("series[1].observations.period")).containsExactly("2015", "2016");
    }

    @Test
    void the_key_form_selects_by_position_with_plus_for_alternatives_and_empty_for_all() {
        String area = threeSeries();

        assertThat(seriesKeys("/api/v1/data/" + DEATHS + "/" + area + ".M+F.TOTAL")).hasSize(2)
                .allMatch(key -> key.contains("AGE=TOTAL"));
        assertThat(seriesKeys("/api/v1/data/" + DEATHS + "/" + area + "..")).hasSize(3);
        assertThat(seriesKeys("/api/v1/data/" + DEATHS + "/" + area + ".T.")).containsExactly(
                DEATHS + ":" + area + ":AGE=Y15-19,SEX=T");
        given().get("/api/v1/data/" + DEATHS + "/" + area + ".M").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("REF_AREA.SEX.AGE"));
        given().queryParam("SEX", "M").get("/api/v1/data/" + DEATHS + "/" + area + ".F.").then().statusCode(400);
    }

    @Test
    void last_n_observations_keeps_the_latest_periods_of_each_series() {
        String area = threeSeries();

        JsonPath body = given().queryParam("lastNObservations", 1).get("/api/v1/data/" + DEATHS + "/" + area + ".M.")
                .jsonPath();

        assertThat(body.getList("series[0].observations.period")).containsExactly("2017");
    }

    @Test
    void as_of_an_instant_answers_the_data_as_it_stood_then_and_updated_after_lists_the_changes_since_with_deletions() {
        String area = uniqueArea();
        event(DEATHS, area, MALES, "2015", "10").send();
        event(DEATHS, area, MALES, "2016", "20").send();
        event(DEATHS, area, MALES, "2017", "30").send();
        awaitVersions(DEATHS, area, 3);
        Instant before = pause();
        event(DEATHS, area, MALES, "2016", "21").send();
        event(DEATHS, area, MALES, "2015", null).deleting().send();
        awaitVersions(DEATHS, area, 5);

        JsonPath then = given().queryParam("asOf", before.toString()).get("/api/v1/data/" + DEATHS + "/" + area + "..")
                .jsonPath();
        assertThat(then.getList("series[0].observations.period")).containsExactly("2015", "2016", "2017");
        assertThat(then.getDouble("series[0].observations[1].value")).isEqualTo(20.0);

        JsonPath now = given().get("/api/v1/data/" + DEATHS + "/" + area + "..").jsonPath();
        assertThat(now.getList("series[0].observations.period")).containsExactly("2016", "2017");
        assertThat(now.getDouble("series[0].observations[0].value")).isEqualTo(21.0);

        JsonPath changes = given().queryParam("updatedAfter", before.toString())
                .get("/api/v1/data/" + DEATHS + "/" + area + "..").jsonPath();
        assertThat(changes.getList("series[0].observations.period")).containsExactly("2015", "2016");
        assertThat(changes.getBoolean("series[0].observations[0].deleted")).isTrue();
        assertThat(changes.getDouble("series[0].observations[1].value")).isEqualTo(21.0);
        assertThat(changes.getString("series[0].observations[1].deleted")).isNull();
    }

    @Test
    void include_history_lists_every_version_with_its_reporter_and_submission() {
        String area = uniqueArea();
        Event first = event(DEATHS, area, MALES, "2016", "20").send();
        event(DEATHS, area, MALES, "2016", "21").send();
        event(DEATHS, area, MALES, "2016", null).deleting().send();
        awaitVersions(DEATHS, area, 3);

        JsonPath body = given().queryParam("includeHistory", true).get("/api/v1/data/" + DEATHS + "/" + area + "..")
                .jsonPath();

        assertThat(body.getList("series[0].observations.value", Double.class)).containsExactly(20.0, 21.0, null);
        assertThat(body.getList("series[0].observations.deleted")).containsExactly(null, null, true);
        assertThat(body.getString("series[0].observations[0].submissionId")).isEqualTo(first.submissionId().toString());
        assertThat(body.getString("series[0].observations[0].reporter")).isEqualTo("EUDA");
    }

    @Test
    void events_of_one_series_are_applied_in_the_order_they_were_sent() {
        String area = uniqueArea();
        for (int value = 1; value <= 30; value++) {
            event(DEATHS, area, MALES, "2016", Integer.toString(value)).send();
        }

        JsonPath body = awaitVersions(DEATHS, area, 30);

        assertThat(body.getDouble("series[0].observations[0].value")).isEqualTo(30.0);
        JsonPath history = given().queryParam("area", area).queryParam("period", "2016").queryParam("SEX", "M")
                .queryParam("AGE", "TOTAL").get("/api/v1/data/" + DEATHS + "/history").jsonPath();
        assertThat(history.getList("versions.value", Integer.class))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
    }

    @Test
    void replaying_every_event_from_the_start_leaves_the_store_exactly_as_it_was() {
        String area = uniqueArea();
        List<Event> events = List.of(event(DEATHS, area, MALES, "2015", "10"), event(DEATHS, area, MALES, "2016", "20"),
                event(DEATHS, area, MALES, "2016", "25"), event(DEATHS, area, MALES, "2015", null).deleting());
        events.forEach(Event::send);
        awaitVersions(DEATHS, area, 4);

        events.forEach(Event::send);
        // a new event of the same series comes after the replay on its partition: once it is stored, so is the replay
        event(DEATHS, area, MALES, "2030", "1").send();
        JsonPath body = awaitVersions(DEATHS, area, 5);

        assertThat(body.getList("series[0].observations.period")).containsExactly("2016", "2030");
        assertThat(body.getDouble("series[0].observations[0].value")).isEqualTo(25.0);
        JsonPath history = given().queryParam("area", area).queryParam("period", "2016").queryParam("SEX", "M")
                .queryParam("AGE", "TOTAL").get("/api/v1/data/" + DEATHS + "/history").jsonPath();
        assertThat(history.getList("versions.value", Integer.class)).containsExactly(20, 25);
    }

    @Test
    void the_history_of_one_observation_says_who_changed_what_and_when() {
        String area = uniqueArea();
        Event first = event(DEATHS, area, MALES, "2016", "20").withComment("first estimate").withStatus("E").send();
        Event second = event(DEATHS, area, MALES, "2016", "22").send();
        awaitVersions(DEATHS, area, 2);

        JsonPath history = given().queryParam("area", area).queryParam("period", "2016").queryParam("SEX", "M")
                .queryParam("AGE", "TOTAL").get("/api/v1/data/" + DEATHS + "/history").then().statusCode(200)
                .extract().jsonPath();

        assertThat(history.getList("versions.value", Double.class)).containsExactly(20.0, 22.0);
        assertThat(history.getList("versions.status")).containsExactly("E", "A");
        // a MERGE without a comment keeps the stored one
        assertThat(history.getList("versions.comment")).containsExactly("first estimate", "first estimate");
        assertThat(history.getList("versions.submissionId"))
                .containsExactly(first.submissionId().toString(), second.submissionId().toString());
        assertThat(history.getList("versions.reporter")).containsOnly("EUDA");
        assertThat(history.getString("versions[0].recordedAt")).isNotBlank();
        assertThat(history.getString("versions[0].receivedAt")).isEqualTo("2026-11-22T10:00:00Z");

        given().queryParam("area", area).queryParam("period", "2016").queryParam("SEX", "M")
                .get("/api/v1/data/" + DEATHS + "/history").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("area", area).queryParam("period", "1999").queryParam("SEX", "M").queryParam("AGE", "TOTAL")
                .get("/api/v1/data/" + DEATHS + "/history").then().statusCode(404);
    }

    @Test
    void an_unknown_measure_is_404_and_an_unreadable_parameter_is_400_both_as_problem_documents() {
        given().get("/api/v1/data/PI99.NOTHING").then().statusCode(404).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("unknown-measure"));
        for (Map.Entry<String, String> bad : Map.of("colour", "red", "startPeriod", "2021-13", "asOf", "yesterday",
                "updatedAfter", "2026-99-01", "lastNObservations", "0", "includeHistory", "maybe").entrySet()) {
            given().queryParam(bad.getKey(), bad.getValue()).get("/api/v1/data/" + DEATHS).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString(bad.getKey()));
        }
    }

    @Test
    void a_result_over_the_cap_is_refused_with_413_and_a_hint_while_a_narrower_query_is_answered() {
        String area = uniqueArea();
        for (int year = 1970; year <= 2015; year++) {
            event(DEATHS, area, MALES, Integer.toString(year), "1").send();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("lastNObservations", 1)
                .get("/api/v1/data/" + DEATHS + "/" + area + "..").jsonPath()
                .getList("series[0].observations.period").contains("2015"));

        given().get("/api/v1/data/" + DEATHS + "/" + area + "..").then().statusCode(413)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("Narrow"));
        given().queryParam("startPeriod", "2000").get("/api/v1/data/" + DEATHS + "/" + area + "..").then()
                .statusCode(200).body("series[0].observations.size()", org.hamcrest.Matchers.is(16));
    }

    private static List<String> seriesKeys(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getList("series.seriesKey");
    }

    /** An area with males 2015-2017, females 2016 and 15-19 year-olds 2017. */
    private static String threeSeries() {
        String area = uniqueArea();
        event(DEATHS, area, MALES, "2015", "10").send();
        event(DEATHS, area, MALES, "2016", "11").send();
        event(DEATHS, area, MALES, "2017", "12").send();
        event(DEATHS, area, FEMALES, "2016", "3").send();
        event(DEATHS, area, TEENS, "2017", "1").send();
        awaitVersions(DEATHS, area, 5);
        return area;
    }

    /** An instant strictly between what was stored before and what is stored after. */
    private static Instant pause() {
        sleep(50);
        Instant between = Instant.now();
        sleep(50);
        return between;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
