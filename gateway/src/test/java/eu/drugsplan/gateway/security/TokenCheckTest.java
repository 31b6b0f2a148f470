package eu.drugsplan.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class TokenCheckTest {

    private static final String SUBMISSION = "{\"observations\":[]}";

    @Test
    void anyone_may_read_published_data_without_a_token() {
        given().get("/api/v1/indicators")
                .then().statusCode(200).body("service", equalTo("indicators")).body("bearer", equalTo(false));
        given().get("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS")
                .then().statusCode(200).body("service", equalTo("reporting"));
    }

    @Test
    void a_submitter_may_submit_and_the_token_passes_on_to_the_service() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(SUBMISSION)
                .post("/api/v1/submissions")
                .then().statusCode(200)
                .body("service", equalTo("submissions"))
                .body("method", equalTo("POST"))
                .body("bearer", equalTo(true));
    }

    @Test
    void submitting_without_a_token_is_refused_with_401() {
        given().contentType(ContentType.JSON).body(SUBMISSION).post("/api/v1/submissions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://drugsplan.eu/problems/unauthorized"));
    }

    @Test
    void a_valid_token_without_the_submitter_role_is_refused_with_403() {
        given().auth().oauth2(Tokens.forReporter("AT", "reader", "reviewer"))
                .contentType(ContentType.JSON).body(SUBMISSION)
                .post("/api/v1/submissions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://drugsplan.eu/problems/forbidden"))
                .body("instance", equalTo("/api/v1/submissions"));
    }

    @Test
    void reading_submissions_needs_a_token_but_no_particular_role() {
        given().get("/api/v1/submissions/7d3b2c1e-0000-4000-8000-000000000001").then().statusCode(401);
        given().auth().oauth2(Tokens.forReporter("AT"))
                .get("/api/v1/submissions/7d3b2c1e-0000-4000-8000-000000000001")
                .then().statusCode(200).body("service", equalTo("submissions")).body("bearer", equalTo(true));
        given().auth().oauth2(Tokens.forReporter("EUDA", "reviewer")).get("/api/v1/submissions")
                .then().statusCode(200).body("path", equalTo("/api/v1/submissions"));
    }

    @Test
    void a_token_signed_by_another_key_is_refused_with_401() {
        assertRefused(Tokens.signedByAnotherKey("AT", "submitter"));
    }

    @Test
    void an_expired_token_is_refused_with_401() {
        assertRefused(Tokens.expired("AT", "submitter"));
    }

    @Test
    void a_token_for_another_audience_is_refused_with_401() {
        assertRefused(Tokens.wrongAudience("AT", "submitter"));
    }

    @Test
    void an_unsigned_token_with_alg_none_is_refused_with_401() {
        assertRefused(Tokens.unsigned("AT", "submitter"));
    }

    @Test
    void a_broken_token_is_refused_even_where_no_token_is_needed() {
        given().auth().oauth2(Tokens.expired("AT", "reader")).get("/api/v1/indicators")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/indicators")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(SUBMISSION)
                .post("/api/v1/submissions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", equalTo("https://drugsplan.eu/problems/unauthorized"));
    }
}
