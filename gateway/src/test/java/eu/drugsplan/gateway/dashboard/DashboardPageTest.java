package eu.drugsplan.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The page and its chart library come from the gateway itself; e2e-tests drive it in Chromium with real data. */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class DashboardPageTest {

    @Test
    void the_dashboard_is_served_at_the_root_with_its_scripts_from_the_gateway() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"/_static/echarts/6.0.0/dist/echarts.min.js\""))
                .body(containsString("<script src=\"/dashboard.js\""));
        for (String script : new String[] {"/dashboard-format.js", "/dashboard-ui.js", "/dashboard-views.js",
                "/signin.js", "/dashboard.js"}) {
            given().get(script).then().statusCode(200).contentType(containsString("javascript"));
        }
        // the views read the summaries through the public API
        given().get("/dashboard-ui.js").then().body(containsString("/api/v1"));
        given().get("/dashboard-views.js").then().body(containsString("/summaries/measures/"));
    }

    @Test
    void without_a_sign_in_provider_the_page_learns_that_sign_in_is_not_offered_and_connects_to_itself_only() {
        given().get("/sign-in.json").then().statusCode(200).body("enabled", org.hamcrest.Matchers.equalTo(false))
                .body("detail", containsString("SIGN_IN_ISSUER"));
        given().get("/").then().header("Content-Security-Policy", containsString("connect-src 'self';"));
        // no token is pasted anywhere any more: the page signs in with the provider (signin.js)
        given().get("/").then().body(org.hamcrest.Matchers.not(containsString("Bearer token")));
        given().get("/signin.js").then().body(containsString("code_challenge_method: 'S256'"))
                .body(org.hamcrest.Matchers.not(containsString("localStorage")));
    }

    @Test
    void echarts_comes_from_the_classpath_not_from_a_cdn_and_is_sent_compressed() {
        String path = "/_static/echarts/6.0.0/dist/echarts.min.js";
        // REST Assured would decompress the body itself: ask for the compressed bytes as they are
        Response compressed = given().config(RestAssuredConfig.config().decoderConfig(
                        DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get(path);
        Response plain = given().header("Accept-Encoding", "identity").get(path);

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.asByteArray().length).isGreaterThan(100_000);
        assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(compressed.asByteArray().length).isLessThan(plain.asByteArray().length / 2);
    }
}
