package eu.drugsplan.submissions.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, failure 5: a token whose reporter claim is an array, a number or an object was a 500 on every
 * submissions call; a token issued ten years ahead with a ten-year lifetime was accepted. Each is a 401
 * problem document now, on the post, the list and the status resource, like an expired token.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class TypedClaimsTest {

    private static final String ONE_ROW = """
            {"observations": [
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 153}
            ]}""";

    @ParameterizedTest
    @ValueSource(strings = {"[\"AT\",\"DE\"]", "42", "{\"code\":\"AT\"}", "true"})
    void a_reporter_claim_that_is_not_a_string_is_a_401_problem_on_every_call(String reporter) {
        assertRefusedEverywhere(Tokens.withClaims(claims("\"reporter\":" + reporter, "[\"submitter\",\"reviewer\"]", 0, 3600)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"submitter\"", "[\"submitter\",7]", "{\"submitter\":true}"})
    void groups_that_are_not_an_array_of_strings_are_a_401_problem(String groups) {
        assertRefusedEverywhere(Tokens.withClaims(claims("\"reporter\":\"AT\"", groups, 0, 3600)));
    }

    @Test
    void a_token_issued_ten_years_ahead_with_a_ten_year_lifetime_is_a_401_problem() {
        long tenYears = 10L * 365 * 24 * 3600;
        assertRefusedEverywhere(Tokens.withClaims(claims("\"reporter\":\"AT\"", "[\"submitter\"]", tenYears, tenYears)));
        assertRefusedEverywhere(Tokens.withClaims(claims("\"reporter\":\"AT\"", "[\"submitter\"]", 0, tenYears)));
    }

    @Test
    void an_expired_token_is_a_401_problem_too() {
        assertRefusedEverywhere(Tokens.expired("AT", "submitter"));
    }

    @Test
    void the_tokens_the_suite_issues_still_pass() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter")).contentType(ContentType.JSON).body(ONE_ROW)
                .queryParam("dryRun", true)
                .when().post("/api/v1/submissions")
                .then().statusCode(200).body("reporter", equalTo("AT"));
        given().auth().oauth2(Tokens.withClaims(claims("\"reporter\":\"AT\"", "[\"submitter\"]", 59, 3600)))
                .when().get("/api/v1/submissions")
                .then().statusCode(200);
    }

    private static void assertRefusedEverywhere(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(ONE_ROW)
                .when().post("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("type", equalTo("https://drugsplan.eu/problems/unauthorized"));
        given().auth().oauth2(token).when().get("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/api/v1/submissions/7d3b2c1e-0000-4000-8000-000000000001")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /** Claims as Tokens issues them, with this reporter and groups, issued {@code ahead} seconds from now. */
    private static String claims(String reporter, String groups, long ahead, long lifetime) {
        long iat = Instant.now().getEpochSecond() + ahead;
        return "{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"sub\":\"at-test\","
                + "\"upn\":\"at-test\"," + reporter + ",\"groups\":" + groups + ",\"iat\":" + iat
                + ",\"exp\":" + (iat + lifetime) + "}";
    }
}
