package eu.drugsplan.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16 through the running gateway (echo backends): the review routes reach submissions-service, the reviewing
 * body's actions need the role reviewer, the submitter's withdrawal the role submitter, the review queue and audit
 * the role reviewer; a method the route does not offer is the gateway's own 405. Who may release which submission
 * (its body, four eyes on {@code sub}) is submissions-service's to decide.
 */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class ReviewAccessTest {

    private static final String ID = "7d3b2c1e-0000-4000-8000-000000000001";

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "POST | /api/v1/submissions/ID/release  | reviewer   | 200",
        "POST | /api/v1/submissions/ID/return   | reviewer   | 200",
        "POST | /api/v1/submissions/ID/release  | submitter  | 403",
        "POST | /api/v1/submissions/ID/return   | submitter  | 403",
        "POST | /api/v1/submissions/ID/release  | anonymous  | 401",
        "POST | /api/v1/submissions/ID/withdraw | submitter  | 200",
        "POST | /api/v1/submissions/ID/withdraw | reviewer   | 403",
        "POST | /api/v1/submissions/ID/withdraw | anonymous  | 401",
        "GET  | /api/v1/review/queue            | reviewer   | 200",
        "GET  | /api/v1/review/audit            | reviewer   | 200",
        "GET  | /api/v1/review/queue            | submitter  | 403",
        "GET  | /api/v1/review/queue            | reader     | 403",
        "GET  | /api/v1/review/queue            | anonymous  | 401",
        "GET  | /api/v1/submissions/ID/rows     | submitter  | 200",
        "GET  | /api/v1/submissions/ID/audit    | reviewer   | 200",
        "GET  | /api/v1/submissions/ID/release  | reviewer   | 405",
        "POST | /api/v1/review/queue            | reviewer   | 405",
        "GET  | /api/v1/reviewx                 | reviewer   | 404"})
    void the_review_routes(String method, String path, String caller, int status) {
        String target = path.replace("ID", ID);
        RequestSpecification request = given();
        switch (caller) {
            case "anonymous" -> { }
            // two people of the EUDA, told apart by sub as the service's four-eyes rule tells them apart
            case "reviewer" -> request = request.auth().oauth2(Tokens.forPerson("euda-reviewer", "EUDA", "reviewer"));
            case "submitter" -> request = request.auth().oauth2(Tokens.forPerson("euda-submitter", "EUDA", "submitter"));
            default -> request = request.auth().oauth2(Tokens.forPerson("euda-" + caller, "EUDA", caller));
        }
        ValidatableResponse answer = (method.equals("POST")
                ? request.contentType(ContentType.JSON).body("{\"note\":\"checked\"}").post(target)
                : request.get(target)).then().statusCode(status);
        if (status == 200) {
            answer.body("service", equalTo("submissions")).body("method", equalTo(method)).body("path", equalTo(target))
                    .body("bearer", equalTo(true));
        } else {
            answer.contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 405) {
            answer.header("Allow", target.startsWith("/api/v1/review/") ? "GET, HEAD, OPTIONS" : "OPTIONS, POST");
        }
    }
}
