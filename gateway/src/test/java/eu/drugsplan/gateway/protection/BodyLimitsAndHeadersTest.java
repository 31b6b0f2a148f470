package eu.drugsplan.gateway.protection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class BodyLimitsAndHeadersTest {

    @TestHTTPResource("/")
    URI root;

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    @Test
    void a_body_over_64_kib_is_refused_with_413_outside_the_submission_route() {
        given().auth().oauth2(Tokens.forReporter("EUDA", "admin"))
                .contentType(ContentType.JSON).body(bytes(64 * 1024 + 1))
                .post("/api/v1/measures")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://drugsplan.eu/problems/body-too-large"));
    }

    @Test
    void a_large_upload_streams_through_on_the_submission_route() {
        int size = 8 * 1024 * 1024;
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType("text/csv").body(bytes(size))
                .post("/api/v1/submissions")
                .then().statusCode(200).body("bodyBytes", equalTo(size));
    }

    @Test
    void a_body_of_unknown_length_is_accepted_only_on_the_submission_route() throws Exception {
        HttpResponse<String> elsewhere = postChunked("/api/v1/codelists", Tokens.forReporter("EUDA", "admin"), 10);
        HttpResponse<String> submission = postChunked("/api/v1/submissions", Tokens.forReporter("AT", "submitter"), 300_000);

        assertThat(elsewhere.statusCode()).isEqualTo(411);
        assertThat(elsewhere.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(submission.statusCode()).isEqualTo(200);
        assertThat(submission.body()).contains("\"bodyBytes\":300000");
    }

    /** A body from a stream of unknown length goes out chunked, without Content-Length. */
    private HttpResponse<String> postChunked(String path, String token, int size) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(size))))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_answer_carries_the_security_headers_proxied_ones_too() {
        given().get("/api/v1/indicators")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                // no TLS in the local run: HSTS is configured in production only
                .header("Strict-Transport-Security", nullValue());
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void a_configured_dashboard_origin_may_call_the_api_from_a_browser() {
        given().header("Origin", "https://dashboard.example.eu")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/submissions")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example.eu")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://dashboard.example.eu").get("/api/v1/trends/X")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example.eu")
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void another_origin_gets_no_cors_permission() {
        given().header("Origin", "https://evil.example.com").get("/api/v1/trends/X")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void the_request_id_reaches_the_service() {
        given().header("X-Request-Id", "dash-7").get("/api/v1/reporters")
                .then().statusCode(200).body("requestId", equalTo("dash-7")).header("X-Request-Id", "dash-7");
    }

    @Test
    void the_callers_trace_continues_at_the_service() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String forwarded = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/reporters")
                .then().statusCode(200).extract().path("traceparent");

        // the gateway's own span sits between the two: same trace, the gateway's span as the parent
        assertThat(forwarded).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }
}
