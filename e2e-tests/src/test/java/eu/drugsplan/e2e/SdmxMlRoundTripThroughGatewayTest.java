package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SDMX-ML 2.1 StructureSpecificData in both directions: what the suite's SDMX REST service writes (the message
 * an agency system reading the suite would keep, validated against the official schemas by indicators-service's
 * tests) posts back through the intake as an agency system that exports SDMX-ML would send it, and a changed
 * value in it becomes the official value once released. Area PL, used by no other end-to-end class.
 */
@ExtendWith(SharedSuiteExtension.class)
class SdmxMlRoundTripThroughGatewayTest {

    static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    static final String AREA = "PL";
    static final String SDMX_ML = "application/vnd.sdmx.structurespecificdata+xml;version=2.1";

    private static Suite suite;

    @BeforeAll
    static void useTheSharedSuite(Suite shared) {
        suite = shared;
    }

    @Test
    void the_suites_own_sdmx_ml_answer_posts_back_and_a_value_changed_in_it_becomes_official() {
        String body = """
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "PL", "period": "2019", "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "value": 236},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "PL", "period": "2020", "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "value": 245, "status": "P", "comment": "provisional"}
                ]}""";
        Review.release(suite.gatewayUrl(), submit(ContentType.JSON.toString(), body, 2));
        String answer = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(SdmxMlRoundTripThroughGatewayTest::sdmxMl, xml -> xml != null && xml.contains("OBS_VALUE=\"245\""));

        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(AREA, "submitter")).contentType(SDMX_ML)
                .queryParam("dryRun", true).body(answer).post("/api/v1/submissions")
                .then().log().ifValidationFails().statusCode(200)
                .body("received", equalTo(2)).body("accepted", equalTo(2)).body("rejected", equalTo(0));

        String corrected = answer.replace("OBS_VALUE=\"245\"", "OBS_VALUE=\"251\"");
        assertThat(corrected).isNotEqualTo(answer);
        Review.release(suite.gatewayUrl(), submit(SDMX_ML, corrected, 2));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(values()).containsEntry("2019", 236.0).containsEntry("2020", 251.0).hasSize(2));
        JsonPath data = data();
        assertThat(data.getString("series[0].observations.find { it.period == '2020' }.status")).isEqualTo("P");
    }

    private static String submit(String type, String body, int accepted) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(AREA, "submitter")).contentType(type)
                .body(body).post("/api/v1/submissions")
                .then().log().ifValidationFails().statusCode(201).body("accepted", equalTo(accepted)).extract().path("id");
    }

    /** The public SDMX-ML answer for the series, or null while there is none. */
    private static String sdmxMl() {
        var response = given().baseUri(suite.gatewayUrl()).header("Accept", SDMX_ML)
                .get("/sdmx/2.1/data/" + SdmxIds.dataflowId(MEASURE) + "/" + AREA + ".T.TOTAL/all");
        return response.statusCode() == 200 ? response.asString() : null;
    }

    private static JsonPath data() {
        return given().baseUri(suite.gatewayUrl()).queryParam("area", AREA).queryParam("SEX", "T").queryParam("AGE", "TOTAL")
                .get("/api/v1/data/" + MEASURE).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Double> values() {
        List<Map<String, Object>> observations = data().getList("series[0].observations");
        return observations == null ? Map.of() : observations.stream().collect(java.util.stream.Collectors.toMap(
                o -> (String) o.get("period"), o -> ((Number) o.get("value")).doubleValue()));
    }
}
