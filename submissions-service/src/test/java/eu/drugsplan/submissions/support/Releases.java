package eu.drugsplan.submissions.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.util.List;

/**
 * Releases a submission under review as a reviewer of each of its reviewing bodies, a person other than the
 * submitter, so that its events go to the outbox: what a test of publishing needs since only released data is
 * official (issue 16).
 */
public final class Releases {

    private Releases() {
    }

    public static void release(String submissionId) {
        List<String> bodies = given().auth().oauth2(reviewer("EUDA"))
                .when().get("/api/v1/submissions/" + submissionId)
                .then().statusCode(200).body("review.state", equalTo("IN_REVIEW"))
                .extract().jsonPath().getList("review.reviewingBodies", String.class);
        for (String body : bodies) {
            given().auth().oauth2(reviewer(body)).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/submissions/" + submissionId + "/release")
                    .then().statusCode(200);
        }
        given().auth().oauth2(reviewer("EUDA")).when().get("/api/v1/submissions/" + submissionId)
                .then().statusCode(200).body("review.state", equalTo("OFFICIAL"));
    }

    /** A reviewer of the body whose subject no test submitter has. */
    public static String reviewer(String body) {
        return Tokens.forPerson("reviewer-" + body.toLowerCase(), body, "reviewer");
    }
}
