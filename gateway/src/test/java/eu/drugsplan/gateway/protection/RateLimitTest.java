package eu.drugsplan.gateway.protection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three requests per minute per caller. */
@QuarkusTest
@TestProfile(GatewayWithBackends.RateLimited.class)
class RateLimitTest {

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void everyCallerStartsAfresh() {
        limiter.reset();
    }

    @Test
    void a_reporter_over_its_limit_gets_429_with_retry_after() {
        String token = Tokens.forReporter("AT", "reader");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/indicators").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(token).get("/api/v1/indicators");

        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://drugsplan.eu/problems/rate-limited"))
                .header("RateLimit-Remaining", "0");
        // three tokens a minute: the next one comes back within 20 s
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
    }

    @Test
    void one_busy_reporter_does_not_use_up_the_limit_of_another() {
        String busy = Tokens.forReporter("AT", "reader");
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(busy).get("/api/v1/indicators");
        }
        given().auth().oauth2(busy).get("/api/v1/indicators").then().statusCode(429);
        given().auth().oauth2(Tokens.forReporter("BE", "reader")).get("/api/v1/indicators").then().statusCode(200);
    }

    @Test
    void anonymous_callers_are_limited_by_their_address() {
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/measures").then().statusCode(200);
        }
        given().get("/api/v1/measures").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
