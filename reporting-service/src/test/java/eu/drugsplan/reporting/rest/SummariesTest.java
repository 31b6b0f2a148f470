package eu.drugsplan.reporting.rest;

import static eu.drugsplan.reporting.support.SeriesEvents.send;
import static eu.drugsplan.reporting.support.SeriesEvents.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.reporting.support.CatalogueOnTopic;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The summaries on series of a sex code of this class alone (measure summaries list every series): Austria (five
 * falling values: IMPROVING for a measure whose desired direction is DOWN), Belgium (two values), Norway (a Reitox
 * partner, two values) and the Graz site (one value). The EU total sums Austria and Belgium only: Austria alone for
 * 2017-2020, 60 + 50 = 110 in 2021, 2 of 27 Member States. The indicator and country summaries hold headline series
 * only (the catalogue's: SEX=T, AGE=TOTAL for the deaths), shown on a measure no other test of this module sends:
 * drug-dependence deaths of Austria, the Graz site and Belgium.
 */
@QuarkusTest
@WithTestResource(CatalogueOnTopic.class)
class SummariesTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    private static final String SEX = uniqueCode();
    private static final String PATH = "/api/v1/summaries/measures/" + DEATHS;
    private static final String HEADLINE_MEASURE = "PI09.DRUG_DEPENDENCE_DEATHS";
    private static boolean stored;

    @BeforeEach
    void storeTheSeriesOnce() {
        if (stored) {
            return;
        }
        Map<String, String> dimensions = Map.of("SEX", SEX, "AGE", "TOTAL");
        send(DEATHS, "AT", dimensions, 1, "2017", 100, "2018", 90, "2019", 80, "2020", 70, "2021", 60);
        send(DEATHS, "BE", dimensions, 1, "2020", 40, "2021", 50);
        send(DEATHS, "NO", dimensions, 1, "2020", 900, "2021", 1000);
        send(DEATHS, "AT001", dimensions, 1, "2021", 7);
        Map<String, String> headline = Map.of("SEX", "T", "AGE", "TOTAL");
        send(HEADLINE_MEASURE, "AT", headline, 1, "2020", 3, "2021", 4);
        send(HEADLINE_MEASURE, "AT001", headline, 1, "2021", 1);
        send(HEADLINE_MEASURE, "BE", headline, 1, "2021", 2);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath summary = given().get("/api/v1/summaries/measures/" + HEADLINE_MEASURE).jsonPath();
            return summary.getInt("page.total") == 3 && summary.getList("euTotals").size() == 1;
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath summary = given().queryParam("SEX", SEX).get(PATH).jsonPath();
            return summary.getInt("page.total") == 4 && summary.getList("euTotals").size() == 1
                    && summary.getDouble("euTotals[0].latest.value") == 110.0;
        });
        stored = true;
    }

    @Test
    void a_measure_summary_ranks_the_series_by_latest_value_and_labels_each_area() {
        JsonPath summary = given().queryParam("SEX", SEX).get(PATH).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));

        assertThat(summary.getList("series.area")).containsExactly("NO", "AT", "BE", "AT001");
        assertThat(summary.getList("series.latest.value", Double.class)).containsExactly(1000.0, 60.0, 50.0, 7.0);
        assertThat(summary.getList("series.latest.period")).containsOnly("2021");
        assertThat(summary.getList("series.group")).containsExactly("REITOX_PARTNER", "EU_MEMBER_STATE",
                "EU_MEMBER_STATE", "EU_MEMBER_STATE");
        assertThat(summary.getString("series[3].country")).isEqualTo("AT");
        assertThat(summary.getString("series[3].areaLabel")).isEqualTo("Graz (ARA Graz)");
        // the site's coordinates from the site table, [longitude, latitude]; a country has none
        assertThat(summary.getList("series[3].position", Double.class)).containsExactly(15.439504, 47.070713);
        assertThat(summary.getMap("series[1]")).doesNotContainKey("position");
        assertThat(summary.getString("series[1].overall")).isEqualTo("IMPROVING");
        assertThat(summary.getString("series[1].yearOnYear")).isEqualTo("DECREASE");
        // 60 against 70: (60 - 70) / 70
        assertThat(summary.getDouble("series[1].percentChange")).isCloseTo(-100.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.getString("unit")).isEqualTo("number");
        assertThat(summary.getString("indicator")).isEqualTo("PI09");
    }

    @Test
    void a_measure_summary_has_the_eu_total_with_the_member_states_reporting_each_period_and_says_it_is_incomplete() {
        JsonPath summary = given().queryParam("SEX", SEX).get(PATH).then().statusCode(200).extract().jsonPath();

        assertThat(summary.getString("euTotals[0].seriesKey")).endsWith("#SUM");
        assertThat(summary.getBoolean("euTotals[0].incomplete")).isTrue();
        assertThat(summary.getInt("euTotals[0].memberStates")).isEqualTo(27);
        assertThat(summary.getInt("euTotals[0].latestReporting")).isEqualTo(2);
        assertThat(summary.getList("euTotals[0].coverage.period")).containsExactly("2017", "2018", "2019", "2020", "2021");
        assertThat(summary.getList("euTotals[0].coverage.value", Double.class)).containsExactly(100.0, 90.0, 80.0, 110.0, 110.0);
        assertThat(summary.getList("euTotals[0].coverage.reporting", Integer.class)).containsExactly(1, 1, 1, 2, 2);
        // AT IMPROVING; BE, NO and the site INSUFFICIENT_DATA; the total (100, 90, 80, 110, 110) NO_SIGNIFICANT_CHANGE
        assertThat(summary.getInt("counts.series")).isEqualTo(5);
        assertThat(summary.getInt("counts.IMPROVING")).isEqualTo(1);
        assertThat(summary.getInt("counts.INSUFFICIENT_DATA")).isEqualTo(3);
        assertThat(summary.getInt("counts.NO_SIGNIFICANT_CHANGE")).isEqualTo(1);
        // the EU total stays when the series are filtered by area
        assertThat(given().queryParam("SEX", SEX).queryParam("area", "BE").get(PATH).jsonPath()
                .getList("euTotals")).hasSize(1);
    }

    @Test
    void measure_summaries_and_trend_lists_are_paged_and_refuse_a_page_larger_than_their_maximum() {
        JsonPath second = given().queryParam("SEX", SEX).queryParam("size", 2).queryParam("page", 2).get(PATH)
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("series.area")).containsExactly("BE", "AT001");
        assertThat(second.getInt("page.total")).isEqualTo(4);

        given().queryParam("size", 2001).get(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/page-too-large"));
        given().queryParam("page", 0).get(PATH).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("size", "many").get(PATH).then().statusCode(400).contentType("application/problem+json");

        String trends = "/api/v1/trends/" + DEATHS;
        JsonPath page = given().queryParam("SEX", SEX).queryParam("size", 3).queryParam("page", 2).get(trends)
                .then().statusCode(200).extract().jsonPath();
        // five series in key order: AT, AT001, BE, EU27_2020 (the total), NO
        assertThat(page.getList("trends.area")).containsExactly("EU27_2020", "NO");
        assertThat(page.getInt("total")).isEqualTo(5);
        assertThat(page.getInt("size")).isEqualTo(3);
        given().queryParam("size", 501).get(trends).then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/page-too-large"));
    }

    @Test
    void the_indicators_summary_lists_every_measure_of_the_catalogue_with_its_eu_totals() {
        JsonPath all = given().get("/api/v1/summaries/indicators").then().statusCode(200).extract().jsonPath();

        String deaths = "indicators.find { it.indicator == 'PI09' }.measures.find { it.measure == '" + HEADLINE_MEASURE + "' }";
        Map<String, Object> total = all.getMap(deaths + ".euTotals[0]");
        assertThat(total).containsEntry("incomplete", true).containsEntry("latestReporting", 2);
        // every measure of the fixture catalogue is listed, also one without data, and counts the headline series
        // the trend list holds for it (none unless another test of this module sent some: the database is shared)
        int homicides = given().get("/api/v1/trends/PI01.DRUG_RELATED_HOMICIDES").then().statusCode(200)
                .extract().jsonPath().getInt("total");
        assertThat(all.getInt("indicators.find { it.indicator == 'PI01' }.measures.find { it.measure == "
                + "'PI01.DRUG_RELATED_HOMICIDES' }.counts.series")).isEqualTo(homicides);

        JsonPath one = given().get("/api/v1/summaries/indicators/PI09").then().statusCode(200).extract().jsonPath();
        assertThat(one.getString("indicator")).isEqualTo("PI09");
        given().get("/api/v1/summaries/indicators/PI99").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_country_summary_holds_its_own_and_its_sites_headline_series() {
        JsonPath austria = given().get("/api/v1/summaries/areas/AT").then().statusCode(200).extract().jsonPath();

        assertThat(austria.getString("group")).isEqualTo("EU_MEMBER_STATE");
        List<Map<String, Object>> mine = austria.getList("series.findAll { it.measure == '" + HEADLINE_MEASURE + "' }");
        assertThat(mine).extracting(s -> s.get("area")).containsExactlyInAnyOrder("AT", "AT001");
        assertThat(given().get("/api/v1/summaries/areas/NO").jsonPath().getString("group")).isEqualTo("REITOX_PARTNER");
    }

    @Test
    void every_summary_answers_304_to_its_own_tag_while_no_trend_changed() {
        for (String path : List.of("/api/v1/summaries/indicators", "/api/v1/summaries/indicators/PI09", PATH,
                "/api/v1/summaries/areas/AT")) {
            Response first = given().get(path);
            assertThat(first.getHeader("ETag")).as(path).isNotBlank();

            Response again = given().header("If-None-Match", first.getHeader("ETag")).get(path);

            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body().asString()).isEmpty();
        }
    }

    @Test
    void another_page_or_filter_of_a_summary_has_another_tag() {
        // the measure's tag once named the measure alone: page 2 answered 304 to the tag of page 1
        String first = given().queryParam("size", 1).get(PATH).getHeader("ETag");
        String second = given().queryParam("size", 1).queryParam("page", 2).get(PATH).getHeader("ETag");
        String austria = given().queryParam("area", "AT").get(PATH).getHeader("ETag");
        assertThat(first).isNotBlank();
        assertThat(List.of(second, austria)).doesNotContain(first);
        assertThat(given().header("If-None-Match", first).queryParam("size", 1).queryParam("page", 2).get(PATH)
                .statusCode()).isEqualTo(200);
        assertThat(given().queryParam("size", 1).get("/api/v1/summaries/areas/AT").getHeader("ETag"))
                .isNotEqualTo(given().queryParam("size", 1).queryParam("page", 2).get("/api/v1/summaries/areas/AT")
                        .getHeader("ETag"));
    }
}
