package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * The import summary carries plausibility warnings beside the conflicts, never rejecting a row, and the status
 * resource reads them back from the database. Nothing is stored before (the stand-in store answers no series),
 * so the rows are checked against each other.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class PlausibilityWarningsTest {

    /**
     * Deaths of both sexes, males and females, 2016-2018: males jump from 100 to 300 and stay (310), so does the
     * total; females nearly double in 2018; the 2018 total (400) is not males + females (410); one row is refused.
     */
    private static final String BODY = """
            {"observations": [
              %s "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "period": "2016", "value": 150},
              %s "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "period": "2017", "value": 352},
              %s "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "period": "2018", "value": 400},
              %s "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "period": "2016", "value": 100},
              %s "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "period": "2017", "value": 300},
              %s "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "period": "2018", "value": 310},
              %s "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "period": "2016", "value": 50},
              %s "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "period": "2017", "value": 52},
              %s "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "period": "2018", "value": 100},
              %s "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "period": "2019", "value": -1}
            ]}""".replace("%s", "{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"AT\",");

    @Test
    void the_summary_carries_the_warnings_beside_the_conflicts_and_the_status_reads_them_back() {
        String id = warnings(given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions")
                .then().statusCode(201))
                .extract().path("id");

        warnings(given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .when().get("/api/v1/submissions/" + id)
                .then().statusCode(200));
    }

    @Test
    void a_dry_run_shows_the_same_warnings() {
        warnings(given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions?dryRun=true")
                .then().statusCode(200).body("id", nullValue()));
    }

    @Test
    void flagged_breaks_draw_no_break_warning() {
        String flagged = BODY.replace("\"period\": \"2017\", \"value\": 352}", "\"period\": \"2017\", \"value\": 352, \"status\": \"B\"}")
                .replace("\"period\": \"2017\", \"value\": 300}", "\"period\": \"2017\", \"value\": 300, \"status\": \"B\"}");

        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(flagged)
                .when().post("/api/v1/submissions?dryRun=true")
                .then().statusCode(200).body("accepted", equalTo(9))
                .body("warnings.code", contains("TOTAL_NOT_SUM", "YEAR_ON_YEAR_CHANGE"));
    }

    private static ValidatableResponse warnings(ValidatableResponse response) {
        return response
                .body("accepted", equalTo(9)).body("rejected", equalTo(1))
                .body("conflicts", hasSize(1)).body("conflicts[0].code", equalTo("VALUE_NEGATIVE"))
                .body("warned", equalTo(4)).body("warnings", hasSize(4))
                .body("warnings.row", contains("/observations/1", "/observations/2", "/observations/4", "/observations/8"))
                .body("warnings.code", contains("BREAK_NOT_FLAGGED", "TOTAL_NOT_SUM", "BREAK_NOT_FLAGGED", "YEAR_ON_YEAR_CHANGE"))
                .body("warnings[1].series", equalTo("PI09.DRUG_INDUCED_DEATHS:AT:AGE=TOTAL,SEX=T"))
                .body("warnings[1].period", equalTo("2018"))
                .body("warnings[1].value", equalTo(400)).body("warnings[1].reference", equalTo(410))
                .body("warnings[2].reference", equalTo(100)).body("warnings[2].score", equalTo(2.0f))
                .body("warnings[3].message", containsString("2017: 52, 2018: 100 (+92.3 %; threshold 50.0 %)"));
    }
}
