package eu.drugsplan.gateway.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.gateway.support.OidcProviderStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's sign-in configuration, /sign-in.json, read from a provider's discovery document (a stand-in
 * provider, cache of 3 s): the endpoints and the public client, kept for the cache's time, the token endpoint and
 * nothing more of the provider in the page's connect-src, and a clear 503 while the provider does not answer.
 */
@QuarkusTest
@TestProfile(GatewayWithBackends.WithSignIn.class)
class SignInThroughGatewayTest {

    private static String endpoint(String name) {
        return OidcProviderStub.issuer() + "/protocol/openid-connect/" + name;
    }

    @Test
    void the_page_reads_the_providers_endpoints_and_its_client_from_the_gateway_and_they_are_kept() {
        given().get("/sign-in.json").then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", "no-cache")
                .body("enabled", equalTo(true))
                .body("issuer", equalTo(OidcProviderStub.issuer()))
                .body("clientId", equalTo("drugsplan-dashboard"))
                .body("scope", equalTo("openid profile"))
                .body("authorizationEndpoint", equalTo(endpoint("auth")))
                .body("tokenEndpoint", equalTo(endpoint("token")))
                .body("endSessionEndpoint", equalTo(endpoint("logout")));
        int asked = OidcProviderStub.control("count");
        for (int i = 0; i < 5; i++) {
            given().get("/sign-in.json").then().statusCode(200);
        }
        // kept for 3 s: six quick page loads ask the provider at most once more (when the copy expired meanwhile)
        assertThat(OidcProviderStub.control("count")).as("kept, not asked for every page").isLessThanOrEqualTo(asked + 1);
    }

    @Test
    void the_content_security_policy_lets_the_page_reach_the_token_endpoint_and_nothing_else_of_the_provider() {
        given().get("/sign-in.json").then().statusCode(200);
        String policy = given().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(policy).contains("connect-src 'self' " + endpoint("token") + ";")
                .contains("script-src 'self';", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain(endpoint("auth"));
    }

    @Test
    void while_the_provider_does_not_answer_sign_in_is_refused_with_the_reason_and_offered_again_after()
            throws Exception {
        given().get("/sign-in.json").then().statusCode(200);
        OidcProviderStub.control("down");
        try {
            Thread.sleep(3_500); // the cache of the test profile is 3 s
            Response refused = given().get("/sign-in.json");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.jsonPath().getString("type")).endsWith("/sign-in-unavailable");
            assertThat(refused.jsonPath().getString("detail")).contains("Signing in is not possible now",
                    OidcProviderStub.issuer(), "does not answer", "Published data stays readable");
            // the page loaded meanwhile may still renew a token once the provider is back
            given().get("/").then().header("Content-Security-Policy", containsString(endpoint("token")));
        } finally {
            OidcProviderStub.control("up");
        }
        given().get("/sign-in.json").then().statusCode(200).body("enabled", equalTo(true));
    }
}
