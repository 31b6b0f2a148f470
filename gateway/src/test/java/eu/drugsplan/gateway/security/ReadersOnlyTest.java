package eu.drugsplan.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** A deployment that does not publish its data openly: reading needs the reader role (or reviewer, admin). */
@QuarkusTest
@TestProfile(GatewayWithBackends.ReadersOnly.class)
class ReadersOnlyTest {

    @Test
    void reading_without_a_token_is_refused_with_401() {
        given().get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_reader_may_read() {
        given().auth().oauth2(Tokens.forReporter("EUDA", "reader")).get("/api/v1/scoreboard")
                .then().statusCode(200).body("service", equalTo("reporting"));
    }

    @Test
    void a_submitter_who_is_not_a_reader_is_refused_with_403() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter")).get("/api/v1/measures")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void the_api_description_stays_open() {
        given().get("/api/v1/openapi").then().statusCode(200);
    }
}
