package eu.drugsplan.indicators.sdmx.data;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * startPeriod and endPeriod compared as time intervals, as SDMX REST does, across frequencies: a period is kept
 * when it overlaps the range, so startPeriod=2017-01, 2017-Q1 or 2017-01-01 keeps the annual 2017.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodFilterTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    /** One series per frequency, so each keeps its own chronological text order. */
    private static final Map<String, List<String>> PERIODS = Map.of(
            "T", List.of("2016", "2017", "2018"),
            "M", List.of("2016-Q4", "2017-Q1", "2017-Q2"),
            "F", List.of("2016-12", "2017-01", "2017-02"),
            "U", List.of("2016-W52", "2017-W01", "2017-W02"),
            "X", List.of("2016-12-31", "2017-01-01", "2017-01-02"));
    private String area;

    /** Stored once for the class, on the first test (RestAssured knows the port only once a test runs). */
    private synchronized String area() {
        if (area != null) {
            return area;
        }
        area = uniqueArea();
        PERIODS.forEach((sex, periods) -> periods.forEach(p -> event(DEATHS, area, Map.of("SEX", sex, "AGE", "TOTAL"), p, "1").send()));
        awaitVersions(DEATHS, area, 15);
        return area;
    }

    @ParameterizedTest(name = "startPeriod={0}")
    @CsvSource(delimiter = '|', value = {
            "2017|2017 2018 2017-Q1 2017-Q2 2017-01 2017-02 2016-W52 2017-W01 2017-W02 2017-01-01 2017-01-02",
            "2017-01|2017 2018 2017-Q1 2017-Q2 2017-01 2017-02 2016-W52 2017-W01 2017-W02 2017-01-01 2017-01-02",
            "2017-Q1|2017 2018 2017-Q1 2017-Q2 2017-01 2017-02 2016-W52 2017-W01 2017-W02 2017-01-01 2017-01-02",
            "2017-01-01|2017 2018 2017-Q1 2017-Q2 2017-01 2017-02 2016-W52 2017-W01 2017-W02 2017-01-01 2017-01-02",
            "2017-01-02|2017 2018 2017-Q1 2017-Q2 2017-01 2017-02 2017-W01 2017-W02 2017-01-02",
            "2017-M02|2017 2018 2017-Q1 2017-Q2 2017-02",
            "2017-S2|2017 2018",
            "2017-12-31T23:00:00Z|2017 2018",
            "2018-01-01|2018"})
    void start_period_keeps_every_period_that_ends_on_or_after_its_first_day(String start, String expected) {
        assertThat(periods("startPeriod", start)).containsExactlyInAnyOrderElementsOf(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest(name = "endPeriod={0}")
    @CsvSource(delimiter = '|', value = {
            "2016|2016 2016-Q4 2016-12 2016-W52 2016-12-31",
            "2016-12|2016 2016-Q4 2016-12 2016-W52 2016-12-31",
            "2016-Q4|2016 2016-Q4 2016-12 2016-W52 2016-12-31",
            "2016-12-31|2016 2016-Q4 2016-12 2016-W52 2016-12-31",
            "2017-01-01|2016 2017 2016-Q4 2017-Q1 2016-12 2017-01 2016-W52 2016-12-31 2017-01-01",
            "2017-Q1|2016 2017 2016-Q4 2017-Q1 2016-12 2017-01 2017-02 2016-W52 2017-W01 2017-W02 2016-12-31 2017-01-01 2017-01-02"})
    void end_period_keeps_every_period_that_starts_on_or_before_its_last_day(String end, String expected) {
        assertThat(periods("endPeriod", end)).containsExactlyInAnyOrderElementsOf(Arrays.asList(expected.split(" ")));
    }

    @Test
    void a_range_within_one_year_keeps_the_year_and_what_overlaps_it() {
        List<String> kept = given().queryParam("startPeriod", "2017-01").queryParam("endPeriod", "2017-01")
                .get("/api/v1/data/" + DEATHS + "/" + area() + "..").jsonPath().getList("series.observations.period.flatten()");
        assertThat(kept).containsExactlyInAnyOrder("2017", "2017-Q1", "2017-01", "2016-W52", "2017-W01", "2017-W02",
                "2017-01-01", "2017-01-02");
    }

    @Test
    void a_period_in_no_accepted_form_is_400() {
        given().queryParam("startPeriod", "2017-Q5").get("/api/v1/data/" + DEATHS).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private List<String> periods(String parameter, String value) {
        return given().queryParam(parameter, value).get("/api/v1/data/" + DEATHS + "/" + area() + "..").then()
                .statusCode(200).extract().jsonPath().getList("series.observations.period.flatten()");
    }
}
