package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a reviewer accepts a warning with a note (the warning stays, with who, as which body, when and why);
 * release and return of many submissions at once, each on its own.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class WarningAcceptanceAndBulkReviewTest {

    private static final String NETHERLANDS = Tokens.forReporter("NL", "submitter");

    /** 2017 to 2018 nearly doubles: YEAR_ON_YEAR_CHANGE on the second row. */
    private static String submitWithWarning(String sex) {
        return given().auth().oauth2(NETHERLANDS).contentType(ContentType.JSON).body("""
                        {"observations": [
                          {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "NL", "period": "2017", "dimensions": {"SEX": "%s", "AGE": "TOTAL"}, "value": 52},
                          {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "NL", "period": "2018", "dimensions": {"SEX": "%s", "AGE": "TOTAL"}, "value": 100}
                        ]}""".formatted(sex, sex))
                .when().post("/api/v1/submissions").then().statusCode(201)
                .body("warnings.code", equalTo(List.of("YEAR_ON_YEAR_CHANGE")))
                .body("warnings[0].row", equalTo("/observations/1"))
                .extract().path("id");
    }

    private static JsonPath accept(String token, String id, String body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions/" + id + "/warnings/accept")
                .then().statusCode(status).extract().jsonPath();
    }

    private static final String ACCEPT = """
            {"warnings": [{"row": "/observations/1", "code": "YEAR_ON_YEAR_CHANGE"}],
             "note": "confirmed by the focal point: a new recording of deaths"}""";

    @Test
    void a_reviewer_accepts_a_warning_with_a_note_once_and_the_submitter_cannot() {
        String id = submitWithWarning("F");
        assertThat(accept(NETHERLANDS, id, ACCEPT, 403).getString("type")).endsWith("not-a-reviewer");
        assertThat(accept(Releases.reviewer("EUROPOL"), id, ACCEPT, 403).getString("type")).endsWith("not-your-body");
        assertThat(accept(Releases.reviewer("EUDA"), id, """
                {"warnings": [{"row": "/observations/0", "code": "YEAR_ON_YEAR_CHANGE"},
                              {"row": "/observations/1", "code": "YEAR_ON_YEAR_CHANGE"}], "note": "x"}""", 404)
                .getString("type")).endsWith("warning-not-found");
        assertThat(accept(Releases.reviewer("EUDA"), id, "{\"warnings\": [], \"note\": \"x\"}", 400).getString("type"))
                .endsWith("invalid-request");
        JsonPath status = given().auth().oauth2(NETHERLANDS).when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("warnings[0].accepted")).as("the refused request accepted nothing").isNull();

        JsonPath accepted = accept(Releases.reviewer("EUDA"), id, ACCEPT, 200);
        assertThat(accepted.getString("warnings[0].accepted.by")).isEqualTo("reviewer-euda");
        assertThat(accepted.getString("warnings[0].accepted.body")).isEqualTo("EUDA");
        assertThat(accepted.getString("warnings[0].accepted.note")).contains("new recording");
        String at = accepted.getString("warnings[0].accepted.at");
        JsonPath again = accept(Releases.reviewer("EUDA"), id, ACCEPT.replace("a new recording", "other"), 200);
        assertThat(again.getString("warnings[0].accepted.at")).as("the first acceptance stays").isEqualTo(at);
        assertThat(again.getString("warnings[0].accepted.note")).contains("new recording");
        assertThat(again.getString("review.state")).isEqualTo("IN_REVIEW");

        // the focal point sees who accepted it, and the audit records it once
        given().auth().oauth2(NETHERLANDS).when().get("/api/v1/submissions/" + id).then().statusCode(200)
                .body("warnings[0].accepted.by", equalTo("reviewer-euda"));
        List<String> steps = given().auth().oauth2(NETHERLANDS).when().get("/api/v1/submissions/" + id + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertThat(steps).containsExactly("SUBMITTED", "WARNINGS_ACCEPTED");

        Releases.release(id);
        assertThat(accept(Releases.reviewer("EUDA"), id, ACCEPT, 409).getString("type"))
                .endsWith("review-state-conflict");
    }

    @Test
    void many_submissions_are_released_or_returned_at_once_each_on_its_own() {
        String first = submitWithWarning("M");
        String second = submitWithWarning("T");
        String unknown = UUID.randomUUID().toString();
        JsonPath released = given().auth().oauth2(Releases.reviewer("EUDA")).contentType(ContentType.JSON)
                .body("{\"submissions\": [\"" + first + "\", \"" + unknown + "\", \"" + first + "\"], \"note\": \"ok\"}")
                .when().post("/api/v1/review/release").then().statusCode(200).extract().jsonPath();
        assertThat(released.getInt("applied")).isEqualTo(1);
        assertThat(released.getInt("refused")).isEqualTo(1);
        assertThat(released.getList("outcomes.submission")).as("named twice, released once").containsExactly(first, unknown);
        assertThat(released.getString("outcomes[0].review.state")).isEqualTo("OFFICIAL");
        assertThat(released.getInt("outcomes[1].status")).isEqualTo(404);
        assertThat(released.getString("outcomes[1].problem.type")).endsWith("submission-not-found");

        JsonPath returned = given().auth().oauth2(Releases.reviewer("EUDA")).contentType(ContentType.JSON)
                .body("{\"submissions\": [\"" + second + "\", \"" + first + "\"], \"comment\": \"check 2018\"}")
                .when().post("/api/v1/review/return").then().statusCode(200).extract().jsonPath();
        assertThat(returned.getString("outcomes[0].review.state")).isEqualTo("RETURNED");
        assertThat(returned.getString("outcomes[0].review.comment")).isEqualTo("check 2018");
        assertThat(returned.getInt("outcomes[1].status")).as("an official submission cannot be returned").isEqualTo(409);

        given().auth().oauth2(NETHERLANDS).contentType(ContentType.JSON).body("{\"submissions\": [\"" + second + "\"]}")
                .when().post("/api/v1/review/release").then().statusCode(403);
        given().auth().oauth2(Releases.reviewer("EUDA")).contentType(ContentType.JSON).body("{\"submissions\": []}")
                .when().post("/api/v1/review/release").then().statusCode(400);
    }
}
