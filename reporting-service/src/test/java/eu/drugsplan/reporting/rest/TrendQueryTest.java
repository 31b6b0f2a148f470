package eu.drugsplan.reporting.rest;

import static eu.drugsplan.reporting.support.SeriesEvents.send;
import static eu.drugsplan.reporting.support.SeriesEvents.uniqueCode;
import static eu.drugsplan.reporting.support.Trends.awaitTrends;
import static eu.drugsplan.reporting.support.Trends.awaitVersion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.reporting.support.CatalogueOnTopic;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogueOnTopic.class)
class TrendQueryTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    private static final String PATH = "/api/v1/trends/" + DEATHS;

    @Test
    void dimension_filters_select_series_by_their_codes() {
        String area = uniqueCode();
        send(DEATHS, area, Map.of("SEX", "M", "AGE", "TOTAL"), 1, "2020", 1);
        send(DEATHS, area, Map.of("SEX", "F", "AGE", "TOTAL"), 1, "2020", 2);
        send(DEATHS, area, Map.of("SEX", "F", "AGE", "Y15_24"), 1, "2020", 3);
        awaitTrends(DEATHS, Map.of("area", area), body -> body.getList("trends").size() == 3);

        assertThat(given().queryParam("area", area).queryParam("SEX", "F").get(PATH).jsonPath()
                .getList("trends.dimensions.AGE")).containsExactly("TOTAL", "Y15_24");
        assertThat(given().queryParam("area", area).queryParam("SEX", "F,M").queryParam("AGE", "TOTAL").get(PATH)
                .jsonPath().getList("trends.dimensions.SEX")).containsExactlyInAnyOrder("F", "M");
        assertThat(given().queryParam("area", area).queryParam("SEX", "M").queryParam("AGE", "Y15_24").get(PATH)
                .jsonPath().getList("trends")).isEmpty();
    }

    @Test
    void a_filter_that_is_not_a_dimension_of_the_measure_is_refused_as_a_problem() {
        given().queryParam("area", "AT").queryParam("SUBSTANCE", "COCAINE").get(PATH).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/unknown-dimension"));
    }

    @Test
    void a_measure_the_catalogue_does_not_know_is_not_found_as_a_problem() {
        given().get("/api/v1/trends/PI99.NO_SUCH_MEASURE")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/unknown-measure"));
    }

    @Test
    void an_unchanged_answer_is_not_sent_again_to_a_client_that_holds_it() {
        String area = uniqueCode();
        send(DEATHS, area, Map.of("SEX", "M"), 1, "2020", 1);
        awaitVersion(DEATHS, Map.of("area", area), 1);
        Response first = given().queryParam("area", area).get(PATH);
        String etag = first.getHeader("ETag");

        Response again = given().queryParam("area", area).header("If-None-Match", etag).get(PATH);

        assertThat(etag).isNotBlank();
        assertThat(first.getHeader("Cache-Control")).contains("max-age=0").contains("must-revalidate");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(again.asString()).isEmpty();
    }

    @Test
    void a_changed_series_changes_the_etag_and_is_sent_in_full() {
        String area = uniqueCode();
        send(DEATHS, area, Map.of("SEX", "M"), 1, "2020", 1);
        awaitVersion(DEATHS, Map.of("area", area), 1);
        String etag = given().queryParam("area", area).get(PATH).getHeader("ETag");
        send(DEATHS, area, Map.of("SEX", "M"), 2, "2020", 1, "2021", 4);
        awaitVersion(DEATHS, Map.of("area", area), 2);

        Response changed = given().queryParam("area", area).header("If-None-Match", etag).get(PATH);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getDouble("trends[0].latest.value")).isEqualTo(4.0);
    }

    @Test
    void a_change_to_a_series_outside_the_filter_leaves_the_etag_as_it_was() {
        String area = uniqueCode();
        String other = uniqueCode();
        send(DEATHS, area, Map.of("SEX", "M"), 1, "2020", 1);
        awaitVersion(DEATHS, Map.of("area", area), 1);
        String etag = given().queryParam("area", area).get(PATH).getHeader("ETag");
        send(DEATHS, other, Map.of("SEX", "M"), 1, "2020", 1);
        awaitVersion(DEATHS, Map.of("area", other), 1);

        assertThat(given().queryParam("area", area).header("If-None-Match", etag).get(PATH).statusCode())
                .isEqualTo(304);
    }
}
