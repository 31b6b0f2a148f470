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
                "/dashboard-map.js", "/signin.js", "/review.js", "/dashboard.js",
                "/map/topojson-client-3.1.0/dist/topojson-client.min.js"}) {
            given().get(script).then().statusCode(200).contentType(containsString("javascript"));
        }
        // the views read the summaries through the public API
        given().get("/dashboard-ui.js").then().body(containsString("/api/v1"));
        given().get("/dashboard-views.js").then().body(containsString("/summaries/measures/"));
        // the map's boundaries, fetched from npm at build time, with their licence
        given().get("/map/world-atlas-2.0.2/countries-110m.json").then().statusCode(200)
                .body("type", org.hamcrest.Matchers.equalTo("Topology"))
                .body("objects.countries.geometries.find { it.id == '276' }.properties.name",
                        org.hamcrest.Matchers.equalTo("Germany"));
        given().get("/map/world-atlas-2.0.2/LICENSE").then().statusCode(200);
        given().get("/dashboard-map.js").then().body(containsString("/map/europe-110m.json"));
        // the part the map draws: Europe's countries and their neighbours, not Australia; a third of the world's bytes
        String world = given().get("/map/world-atlas-2.0.2/countries-110m.json").asString();
        io.restassured.response.Response europe = given().get("/map/europe-110m.json");
        europe.then().statusCode(200).contentType(containsString("application/json"))
                .body("type", org.hamcrest.Matchers.equalTo("Topology"))
                .body("objects.countries.geometries.id", org.hamcrest.Matchers.hasItems("276", "250", "300", "826", "643"))
                .body("objects.countries.geometries.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("036")));
        org.assertj.core.api.Assertions.assertThat(europe.asString().length()).isLessThan(world.length() / 2);
        given().header("If-None-Match", europe.header("ETag")).get("/map/europe-110m.json").then().statusCode(304);
        // a signed-in reviewer's queue and its bulk steps (issue 16)
        given().get("/review.js").then().body(containsString("/review/queue")).body(containsString("'/review/' + step"));
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
