package eu.drugsplan.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every list and range parameter has a cap (README "Bounded answers"), and past it the answer is a 400 problem,
 * not unbounded work: an 80-byte coverage request for years 1000 to 9999 answered 11 MB.
 */
@QuarkusTest
class BoundedAnswersTest {

    private static final String HOMICIDES = "PI01.DRUG_RELATED_HOMICIDES";
    private static final String LOAD = "PI02.WASTEWATER_LOAD";

    @Test
    void a_coverage_range_of_thousands_of_years_is_refused_before_it_is_built() {
        String body = given().queryParam("measure", LOAD).queryParam("startPeriod", "1000")
                .queryParam("endPeriod", "9999").get("/api/v1/coverage")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("range-too-wide")).body("detail", containsString("9000 periods"))
                .extract().asString();

        assertThat(body.length()).isLessThan(2_000);
    }

    @Test
    void a_coverage_range_with_only_a_distant_start_is_refused_too() {
        given().queryParam("measure", HOMICIDES).queryParam("startPeriod", "0001").queryParam("endPeriod", "2020")
                .get("/api/v1/coverage").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_coverage_range_at_the_cap_is_answered() {
        given().queryParam("measure", HOMICIDES).queryParam("startPeriod", "1826").queryParam("endPeriod", "2025")
                .get("/api/v1/coverage").then().statusCode(200).body("periods.size()", org.hamcrest.Matchers.is(200));
        given().queryParam("measure", HOMICIDES).queryParam("startPeriod", "1825").queryParam("endPeriod", "2025")
                .get("/api/v1/coverage").then().statusCode(400);
    }

    @Test
    void more_area_codes_than_the_cap_are_refused_and_the_cap_itself_is_answered() {
        problem(given().queryParam("area", codes(301, ",")).get("/api/v1/data/" + HOMICIDES), "301 codes");
        given().queryParam("area", codes(300, ",")).get("/api/v1/data/" + HOMICIDES).then().statusCode(200);
    }

    @Test
    void more_dimension_codes_than_the_cap_are_refused() {
        problem(given().queryParam("SUBSTANCE", codes(301, ",")).get("/api/v1/data/" + LOAD), "SUBSTANCE");
    }

    @Test
    void more_alternatives_in_one_part_of_a_key_than_the_cap_are_refused() {
        problem(given().get("/api/v1/data/" + LOAD + "/" + codes(301, "+") + ".."), "301 codes");
    }

    @Test
    void a_code_longer_than_any_code_is_refused() {
        problem(given().queryParam("area", "A".repeat(65)).get("/api/v1/data/" + HOMICIDES), "64 characters");
        problem(given().queryParam("area", "A".repeat(65)).queryParam("period", "2020")
                .get("/api/v1/data/" + HOMICIDES + "/history"), "64 characters");
    }

    @Test
    void last_n_observations_past_the_cap_is_refused() {
        problem(given().queryParam("lastNObservations", 10_001).get("/api/v1/data/" + HOMICIDES), "10000");
        given().queryParam("lastNObservations", 10_000).queryParam("area", "AT").get("/api/v1/data/" + HOMICIDES)
                .then().statusCode(200);
    }

    private static void problem(io.restassured.response.Response response, String detail) {
        ValidatableResponse answer = response.then().statusCode(400).contentType("application/problem+json");
        answer.body("detail", containsString(detail));
    }

    private static String codes(int count, String separator) {
        return IntStream.range(0, count).mapToObj(i -> "C" + i).collect(Collectors.joining(separator));
    }
}
