package eu.drugsplan.reporting.rest;

import static eu.drugsplan.reporting.support.SeriesEvents.send;
import static eu.drugsplan.reporting.support.Trends.awaitVersion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.reporting.support.CatalogueStub;
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
@WithTestResource(CatalogueStub.class)
class ScoreboardTest {

    private static final String INVESTIGATIONS = "PI03.FINANCIAL_INVESTIGATIONS";
    private static final String ASSETS = "PI03.ASSETS_RECOVERED";
    private static final String SEIZURES = "PI04.SEIZURE_COUNT";

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
}
