package eu.drugsplan.indicators.rest;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intake's batch read of the current values of a chunk's series (issue 16). */
@QuarkusTest
class StoredSeriesResourceTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";

    @Test
    void one_call_answers_the_current_values_of_every_stored_series_named() {
        String area = uniqueArea();
        Map<String, String> males = Map.of("SEX", "M", "AGE", "TOTAL");
        Map<String, String> females = Map.of("SEX", "F", "AGE", "TOTAL");
        event(DEATHS, area, males, "2016", "10").send();
        event(DEATHS, area, males, "2017", "12").send();
        event(DEATHS, area, males, "2017", "13").send();
        event(DEATHS, area, females, "2016", "4").send();
        event(DEATHS, area, females, "2015", "3").send();
        event(DEATHS, area, females, "2015", null).deleting().send();
        awaitVersions(DEATHS, area, 6);
        String m = DEATHS + ":" + area + ":AGE=TOTAL,SEX=M";
        String f = DEATHS + ":" + area + ":AGE=TOTAL,SEX=F";
        String never = DEATHS + ":" + area + ":AGE=TOTAL,SEX=T";

        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("seriesKeys", List.of(m, never, f, m)))
                .when().post("/internal/v1/series/current")
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("seriesKey", String.class)).containsExactly(m, f);
        assertThat(answer.getList("[0].values.period", String.class)).containsExactly("2016", "2017");
        assertThat(answer.getList("[0].values.value", Integer.class)).containsExactly(10, 13);
        assertThat(answer.getList("[0].values.status", String.class)).containsExactly("A", "A");
        assertThat(answer.getList("[1].values.period", String.class)).containsExactly("2016");
    }

    @Test
    void a_body_without_keys_is_a_problem() {
        given().contentType(ContentType.JSON).body("{}").when().post("/internal/v1/series/current")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
