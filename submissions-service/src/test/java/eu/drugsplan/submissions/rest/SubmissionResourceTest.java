package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class SubmissionResourceTest {

    private static final String TWO_ROWS = """
            {"observations": [
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 153},
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2022", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 161, "status": "P"}
            ]}""";

    @Test
    void a_valid_batch_is_accepted_and_its_rows_are_published_to_kafka_as_one_event_keyed_by_their_series() {
        String id = given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(TWO_ROWS)
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("received", equalTo(2)).body("accepted", equalTo(2)).body("rejected", equalTo(0))
                .body("reporter", equalTo("AT")).body("status", equalTo("VALIDATED"))
                .extract().path("id");
        Releases.release(id);

        var published = TopicProbe.await("observations.v1", r -> r.value().contains(id), Duration.ofSeconds(20));

        assertThat(published).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("PI09.DRUG_INDUCED_DEATHS:AT:AGE=TOTAL,SEX=M");
            assertThat(r.value()).contains("\"version\":2", "\"eventId\"", "\"reporter\":\"AT\"",
                    "\"observations\":[{\"action\":\"MERGE\",\"period\":\"2021\",\"value\":153,\"status\":\"A\"",
                    "{\"action\":\"MERGE\",\"period\":\"2022\",\"value\":161,\"status\":\"P\"");
        });
    }

    /** The test profile caps an event at 3 observations. */
    @Test
    void the_rows_of_each_series_travel_together_in_row_order_split_at_the_event_size_limit() {
        String body = """
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2019", "dimensions": {"SEX": "F", "AGE": "Y15-24"}, "value": 1},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2019", "dimensions": {"SEX": "M", "AGE": "Y15-24"}, "value": 2},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2020", "dimensions": {"SEX": "F", "AGE": "Y15-24"}, "value": 3},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "F", "AGE": "Y15-24"}, "value": 4},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2020", "dimensions": {"SEX": "M", "AGE": "Y15-24"}, "value": 5},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2022", "dimensions": {"SEX": "F", "AGE": "Y15-24"}, "value": 6}
                ]}""";
        String id = given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(6))
                .extract().path("id");
        Releases.release(id);

        var published = TopicProbe.await("observations.v1", r -> r.value().contains(id), 3, Duration.ofSeconds(20));

        assertThat(published).extracting(r -> r.key() + " " + values(r.value())).containsExactlyInAnyOrder(
                "PI09.DRUG_INDUCED_DEATHS:AT:AGE=Y15-24,SEX=F 2019=1 2020=3 2021=4",
                "PI09.DRUG_INDUCED_DEATHS:AT:AGE=Y15-24,SEX=F 2022=6",
                "PI09.DRUG_INDUCED_DEATHS:AT:AGE=Y15-24,SEX=M 2019=2 2020=5");
    }

    private static String values(String event) {
        StringBuilder text = new StringBuilder();
        io.restassured.path.json.JsonPath.from(event).getList("observations", java.util.Map.class)
                .forEach(o -> text.append(text.isEmpty() ? "" : " ").append(o.get("period")).append('=').append(o.get("value")));
        return text.toString();
    }

    @Test
    void rows_with_errors_are_rejected_one_by_one_while_the_others_are_accepted() {
        String body = """
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 10},
                  {"measure": "deaths", "area": "AT", "period": "2021", "value": 10},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021-13", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 10},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": "NaN"},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "F", "AGE": "TOTAL"}},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2020", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "status": "M"}
                ]}""";
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .body("received", equalTo(6)).body("accepted", equalTo(2)).body("rejected", equalTo(4))
                .body("conflicts", hasSize(4))
                .body("conflicts[0].row", equalTo("/observations/1")).body("conflicts[0].code", equalTo("MEASURE_INVALID"))
                .body("conflicts[1].row", equalTo("/observations/2")).body("conflicts[1].code", equalTo("PERIOD_INVALID"))
                .body("conflicts[2].field", equalTo("value")).body("conflicts[2].code", equalTo("VALUE_NOT_FINITE"))
                .body("conflicts[3].code", equalTo("VALUE_MISSING"));
    }

    @Test
    void a_stored_submission_can_be_read_back_by_its_reporter_but_not_by_another() {
        String id = given().auth().oauth2(Tokens.forReporter("BE", "submitter"))
                .contentType(ContentType.JSON).body(TWO_ROWS.replace("\"AT\"", "\"BE\""))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.forReporter("BE", "submitter")).get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("accepted", equalTo(2));
        given().auth().oauth2(Tokens.forReporter("FR", "submitter")).get("/api/v1/submissions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forReporter("EUDA", "reviewer")).get("/api/v1/submissions/" + id)
                .then().statusCode(200);
    }

    @Test
    void an_unknown_property_refuses_the_request_as_a_problem() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON)
                .body("{\"observations\": [{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"AT\", \"period\": \"2021\", \"value\": 1, \"colour\": \"red\"}]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", org.hamcrest.Matchers.containsString("colour"));
    }

    @Test
    void unparseable_json_is_a_400_problem() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body("{\"observations\": [")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_request_without_a_token_is_refused_with_401() {
        given().contentType(ContentType.JSON).body(TWO_ROWS)
                .when().post("/api/v1/submissions")
                .then().statusCode(401);
    }

    @Test
    void forged_expired_wrong_audience_and_unsigned_tokens_are_refused_with_401() {
        for (String token : new String[] {Tokens.signedByAnotherKey("AT", "submitter"), Tokens.expired("AT", "submitter"),
                Tokens.wrongAudience("AT", "submitter"), Tokens.unsigned("AT", "submitter")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(TWO_ROWS)
                    .when().post("/api/v1/submissions")
                    .then().statusCode(401);
        }
    }

    @Test
    void a_valid_token_without_the_submitter_role_is_refused_with_403() {
        given().auth().oauth2(Tokens.forReporter("AT", "reader"))
                .contentType(ContentType.JSON).body(TWO_ROWS)
                .when().post("/api/v1/submissions")
                .then().statusCode(403);
    }
}
