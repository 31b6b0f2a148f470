package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A focal point's submission travels through every service and comes back as a trend, all through the gateway. */
@ExtendWith(SharedSuiteExtension.class)
class ObservationFlowThroughGatewayTest {

    private static Suite suite;

    @BeforeAll
    static void useTheSharedSuite(Suite shared) throws Exception {
        suite = shared;
    }

    @Test
    void a_submitted_observation_comes_back_through_the_gateway_as_data_and_as_a_trend() {
        String body = """
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2016", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 127},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2017", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 125}
                ]}""";
        String submission = given().baseUri(suite.gatewayUrl())
                .auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(2))
                .extract().path("id");
        Review.release(suite.gatewayUrl(), submission);

        JsonPath trend = awaitTrend();

        assertThat(trend.getString("trends[0].seriesKey")).isEqualTo("PI09.DRUG_INDUCED_DEATHS:AT:AGE=TOTAL,SEX=M");
        assertThat(trend.getDouble("trends[0].latest.value")).isEqualTo(125.0);
        // 127 -> 125 is -2, about -1.57 %: inside the 10 % band
        assertThat(trend.getDouble("trends[0].yearOnYear.absoluteChange")).isEqualTo(-2.0);
        assertThat(trend.getDouble("trends[0].yearOnYear.percentChange")).isCloseTo(-200.0 / 127, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(trend.getString("trends[0].yearOnYear.label")).isEqualTo("STABLE");

        given().baseUri(suite.gatewayUrl()).queryParam("area", "AT").get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS")
                .then().statusCode(200).body("series[0].observations.period", org.hamcrest.Matchers.contains("2016", "2017"));
        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .get("/api/v1/submissions/" + submission)
                .then().statusCode(200).body("reporter", equalTo("AT"));
    }

    /**
     * The Location names the gateway's address the client used, not the service's internal one; forwarded facts a
     * client adds of its own (a port, TLS) do not change it.
     */
    @Test
    void the_location_of_a_new_submission_is_the_public_url_the_client_used() {
        String body = """
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "DE", "period": "2014", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 140}
                ]}""";
        var created = given().baseUri(suite.gatewayUrl())
                .auth().oauth2(Tokens.forReporter("DE", "submitter"))
                .header("X-Forwarded-Port", "1").header("X-Forwarded-Ssl", "on")
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions")
                .then().statusCode(201).extract();

        assertThat(created.header("Location")).isEqualTo(suite.gatewayUrl() + "/api/v1/submissions/" + created.path("id"));
        given().auth().oauth2(Tokens.forReporter("DE", "submitter")).get(created.header("Location"))
                .then().statusCode(200).body("id", equalTo(created.path("id")));
    }

    /** Health and metrics are on the management port: not through the gateway, and its metrics name no id. */
    @Test
    void metrics_and_health_are_off_the_public_port_and_their_uri_tags_are_templates() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready"}) {
            given().baseUri(suite.gatewayUrl()).get(path).then().statusCode(404);
        }
        String unknown = java.util.UUID.randomUUID().toString();
        String id = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("DE", "submitter"))
                .contentType(ContentType.JSON).body("""
                        {"observations": [{"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "DE", "period": "2013",
                          "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 150}]}""")
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("DE", "submitter"))
                .get("/api/v1/submissions/" + id).then().statusCode(200);
        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("DE", "submitter"))
                .get("/api/v1/submissions/" + unknown).then().statusCode(404);

        String gatewayMetrics = given().baseUri(suite.managementUrls("gateway").get(0)).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        String submissionsMetrics = given().baseUri(suite.managementUrls("submissions-service").get(0)).get("/q/metrics")
                .then().statusCode(200).extract().asString();

        for (String metrics : new String[] {gatewayMetrics, submissionsMetrics}) {
            assertThat(metrics).contains("uri=\"/api/v1/submissions/{id}\"").doesNotContain(id).doesNotContain(unknown);
        }
    }

    private static JsonPath awaitTrend() {
        JsonPath[] holder = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            // doubles, not RestAssured's default floats: the trend JSON carries every digit
            JsonPath body = given().baseUri(suite.gatewayUrl()).queryParam("area", "AT")
                    .get("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS").jsonPath()
                    .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
            holder[0] = body;
            return body.getList("trends").size() == 1 && body.getInt("trends[0].pointCount") == 2;
        });
        return holder[0];
    }
}
