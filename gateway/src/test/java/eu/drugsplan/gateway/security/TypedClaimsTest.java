package eu.drugsplan.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, failures 5 and 10 at the gateway: a signed token whose claims have the wrong types, that is issued in
 * the future or lives too long is a 401 problem, on open routes too; before, the gateway passed an array reporter
 * on as its text and accepted a token issued ten years ahead with a ten-year lifetime.
 */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class TypedClaimsTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"reporter\":[\"AT\",\"DE\"]", "\"reporter\":42", "\"reporter\":{\"code\":\"AT\"}",
            "\"reporter\":false", "\"reporter\":\"AT\",\"groups\":\"submitter\"",
            "\"reporter\":\"AT\",\"groups\":[\"submitter\",1]", "\"reporter\":\"AT\",\"groups\":{\"submitter\":1}"})
    void claims_of_the_wrong_type_are_a_401_problem(String claims) {
        assertRefused(Tokens.withClaims(claims(claims, 0, 3600, true)));
    }

    @Test
    void a_subject_that_is_not_a_string_is_a_401_problem() {
        assertRefused(Tokens.withClaims(claims("\"reporter\":\"AT\"", 0, 3600, false).replace("\"sub\":\"at-test\"", "\"sub\":7")));
    }

    @Test
    void a_token_from_the_future_or_living_too_long_is_a_401_problem() {
        long tenYears = 10L * 365 * 24 * 3600;
        assertRefused(Tokens.withClaims(claims("\"reporter\":\"AT\"", tenYears, tenYears, true)));
        assertRefused(Tokens.withClaims(claims("\"reporter\":\"AT\"", 3600, 3600, true)));
        assertRefused(Tokens.withClaims(claims("\"reporter\":\"AT\"", 0, 86_401, true)));
    }

    @Test
    void the_tokens_the_suite_issues_pass_within_the_skew_and_the_lifetime() {
        given().auth().oauth2(Tokens.withClaims(claims("\"reporter\":\"AT\"", 59, 86_400, true)))
                .contentType(ContentType.JSON).body("{}").post("/api/v1/submissions")
                .then().statusCode(200).body("service", equalTo("submissions"));
        given().auth().oauth2(Tokens.forReporter("AT", "submitter")).get("/api/v1/submissions")
                .then().statusCode(200);
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://drugsplan.eu/problems/unauthorized"));
        given().auth().oauth2(token).get("/api/v1/indicators")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static String claims(String reporterAndGroups, long ahead, long lifetime, boolean defaultGroups) {
        long iat = Instant.now().getEpochSecond() + ahead;
        String groups = reporterAndGroups.contains("\"groups\"") ? "" : ",\"groups\":[\"submitter\"]";
        return "{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"sub\":\"at-test\","
                + reporterAndGroups + groups + ",\"iat\":" + iat + ",\"exp\":" + (iat + lifetime) + "}";
    }
}
