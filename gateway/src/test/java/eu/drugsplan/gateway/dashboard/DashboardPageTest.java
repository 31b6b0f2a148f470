package eu.drugsplan.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
        given().get("/dashboard.js").then().statusCode(200).body(containsString("/api/v1"));
    }

    @Test
    void echarts_comes_from_the_classpath_not_from_a_cdn() {
        given().get("/_static/echarts/6.0.0/dist/echarts.min.js")
                .then().statusCode(200).header("Content-Length", Integer::parseInt, greaterThan(100_000));
    }
}
