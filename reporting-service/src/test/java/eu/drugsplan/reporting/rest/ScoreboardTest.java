package eu.drugsplan.reporting.rest;

import static eu.drugsplan.reporting.support.SeriesEvents.send;
import static eu.drugsplan.reporting.support.Trends.awaitVersion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.reporting.support.CatalogueOnTopic;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PI03 (desired direction UP) and PI04 (NONE) are used by this test alone, in areas outside the EU
 * (no EU total), so their counts are exact.
 */
@QuarkusTest
@WithTestResource(CatalogueOnTopic.class)
class ScoreboardTest {

    private static final String INVESTIGATIONS = "PI03.FINANCIAL_INVESTIGATIONS";
    private static final String ASSETS = "PI03.ASSETS_RECOVERED";
    private static final String SEIZURES = "PI04.SEIZURE_COUNT";
    /** Used in Norway by this test alone (EuTotalsTest sends it for AT and BE), so Norway's counts are exact. */
    private static final String WASTEWATER = "PI02.WASTEWATER_LOAD";

    private static boolean stored;

    /** Once per class, but after Quarkus has pointed REST Assured at the application. */
    @BeforeEach
    void storeOneSeriesPerAssessment() {
        if (stored) {
            return;
        }
        send(INVESTIGATIONS, "NO", Map.of(), 1, "2017", 1, "2018", 2, "2019", 3, "2020", 4, "2021", 5);
        send(INVESTIGATIONS, "TR", Map.of(), 1, "2017", 5, "2018", 4, "2019", 3, "2020", 2, "2021", 1);
        send(INVESTIGATIONS, "NO007", Map.of(), 1, "2017", 10, "2018", 12, "2019", 9, "2020", 11, "2021", 10);
        send(ASSETS, "NO", Map.of(), 1, "2019", 1, "2020", 2, "2021", 3);
        send(SEIZURES, "NO", Map.of("SUBSTANCE", "COCAINE", "SEIZURE_SIZE", "TOTAL"), 1, "2020", 1, "2021", 2);
        awaitVersion(INVESTIGATIONS, Map.of("area", "NO"), 1);
        awaitVersion(INVESTIGATIONS, Map.of("area", "TR"), 1);
        awaitVersion(INVESTIGATIONS, Map.of("area", "NO007"), 1);
        awaitVersion(ASSETS, Map.of("area", "NO"), 1);
        awaitVersion(SEIZURES, Map.of("area", "NO"), 1);
        // one site, two substances: each has its daily mean (the headline) and other statistics of the same weeks
        for (String stat : new String[] {"DAILY_MEAN", "WEEKEND_MEAN", "MON"}) {
            send(WASTEWATER, "NO007", Map.of("SUBSTANCE", "COCAINE", "STAT", stat), 1, "2020", 100, "2021", 120);
            awaitVersion(WASTEWATER, Map.of("area", "NO007", "SUBSTANCE", "COCAINE", "STAT", stat), 1);
        }
        send(WASTEWATER, "NO007", Map.of("SUBSTANCE", "AMPHETAMINE", "STAT", "DAILY_MEAN"), 1, "2020", 5, "2021", 4);
        awaitVersion(WASTEWATER, Map.of("area", "NO007", "SUBSTANCE", "AMPHETAMINE"), 1);
        stored = true;
    }

    @Test
    void the_scoreboard_counts_the_series_of_each_indicator_and_measure_by_their_overall_assessment() {
        JsonPath board = given().get("/api/v1/scoreboard").then().statusCode(200).extract().jsonPath();

        String pi03 = "indicators.find { it.indicator == 'PI03' }";
        assertThat(board.getInt(pi03 + ".counts.series")).isEqualTo(4);
        assertThat(board.getInt(pi03 + ".counts.IMPROVING")).isEqualTo(1);
        assertThat(board.getInt(pi03 + ".counts.DETERIORATING")).isEqualTo(1);
        assertThat(board.getInt(pi03 + ".counts.NO_SIGNIFICANT_CHANGE")).isEqualTo(1);
        assertThat(board.getInt(pi03 + ".counts.INSUFFICIENT_DATA")).isEqualTo(1);
        assertThat(board.getInt(pi03 + ".counts.NOT_APPLICABLE")).isZero();
        String investigations = pi03 + ".measures.find { it.measure == '" + INVESTIGATIONS + "' }";
        assertThat(board.getInt(investigations + ".counts.series")).isEqualTo(3);
        assertThat(board.getInt(investigations + ".counts.INSUFFICIENT_DATA")).isZero();
        String pi04 = "indicators.find { it.indicator == 'PI04' }";
        assertThat(board.getInt(pi04 + ".counts.NOT_APPLICABLE")).isEqualTo(1);
    }

    @Test
    void the_scoreboard_counts_the_same_per_country_with_sites_counted_in_their_country() {
        JsonPath board = given().get("/api/v1/scoreboard").then().statusCode(200).extract().jsonPath();

        String norway = "countries.find { it.area == 'NO' }.indicators.find { it.indicator == 'PI03' }";
        assertThat(board.getInt(norway + ".counts.series")).isEqualTo(3);
        assertThat(board.getInt(norway + ".counts.IMPROVING")).isEqualTo(1);
        assertThat(board.getInt(norway + ".counts.NO_SIGNIFICANT_CHANGE")).isEqualTo(1);
        assertThat(board.getInt(norway + ".counts.INSUFFICIENT_DATA")).isEqualTo(1);
        String turkiye = "countries.find { it.area == 'TR' }.indicators.find { it.indicator == 'PI03' }";
        assertThat(board.getInt(turkiye + ".counts.DETERIORATING")).isEqualTo(1);
        assertThat(board.getList("countries.area")).doesNotContain("NO007");
    }

    @Test
    void the_scoreboard_answers_304_while_no_trend_changed() {
        Response first = given().get("/api/v1/scoreboard");

        Response again = given().header("If-None-Match", first.getHeader("ETag")).get("/api/v1/scoreboard");

        assertThat(first.getHeader("ETag")).isNotBlank();
        assertThat(first.getHeader("Cache-Control")).contains("must-revalidate");
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void the_scoreboard_counts_one_wastewater_series_per_site_and_substance_the_daily_mean_unless_all_are_asked_for() {
        String measure = "countries.find { it.area == 'NO' }.indicators.find { it.indicator == 'PI02' }"
                + ".measures.find { it.measure == '" + WASTEWATER + "' }.counts.series";

        JsonPath headline = given().get("/api/v1/scoreboard").then().statusCode(200).extract().jsonPath();
        JsonPath all = given().queryParam("series", "all").get("/api/v1/scoreboard").then().statusCode(200)
                .extract().jsonPath();

        assertThat(headline.getInt(measure)).isEqualTo(2);
        assertThat(all.getInt(measure)).isEqualTo(4);
        // measures without a headline selection count the same either way
        String norwayPi03 = "countries.find { it.area == 'NO' }.indicators.find { it.indicator == 'PI03' }.counts.series";
        assertThat(all.getInt(norwayPi03)).isEqualTo(headline.getInt(norwayPi03));
    }

    @Test
    void the_headline_trend_list_holds_the_headline_series_and_a_named_dimension_overrides_its_headline() {
        String path = "/api/v1/trends/" + WASTEWATER;

        assertThat(given().queryParam("area", "NO007").queryParam("series", "headline").get(path).jsonPath()
                .getList("trends.dimensions.STAT")).containsOnly("DAILY_MEAN").hasSize(2);
        assertThat(given().queryParam("area", "NO007").get(path).jsonPath().getList("trends")).hasSize(4);
        assertThat(given().queryParam("area", "NO007").queryParam("series", "headline").queryParam("STAT", "MON")
                .get(path).jsonPath().getList("trends.dimensions.STAT")).containsExactly("MON");
    }

    @Test
    void a_series_scope_other_than_headline_or_all_is_a_400_problem() {
        given().queryParam("series", "some").get("/api/v1/scoreboard").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("series", "every").get("/api/v1/trends/" + WASTEWATER).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void the_headline_and_the_full_scoreboard_have_different_tags() {
        String headline = given().get("/api/v1/scoreboard").getHeader("ETag");
        String all = given().queryParam("series", "all").get("/api/v1/scoreboard").getHeader("ETag");

        assertThat(headline).isNotEqualTo(all);
    }
}
