package eu.drugsplan.gateway.protection;

import static eu.drugsplan.gateway.protection.RawHttp.head;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Small timeouts: a backend connection idle for 2 s is a 504, a body that sends nothing for 1 s a 408, a client
 * connection silent for 3 s is closed. What keeps moving is never cut.
 */
@QuarkusTest
@TestProfile(SlowBodiesTest.ShortTimeouts.class)
class SlowBodiesTest {

    public static class ShortTimeouts extends GatewayWithBackends {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests", "100000",
                    "gateway.idle-timeout", "2s",
                    "gateway.isolation.body-idle-timeout", "1s",
                    "quarkus.http.idle-timeout", "3s");
        }
    }

    private static final String SUBMITTER = "Authorization: Bearer " + Tokens.forReporter("AT", "submitter");

    @Test
    void an_upload_that_keeps_sending_for_longer_than_the_idle_timeout_succeeds() throws Exception {
        byte[] chunk = new byte[2048];
        Arrays.fill(chunk, (byte) 'x');
        int chunks = 50; // 100 KB over 5 s: streamed to the backend, not buffered at the gateway
        try (RawHttp upload = RawHttp.from("127.0.0.1")) {
            upload.send(head("POST", "/api/v1/submissions", SUBMITTER, "Content-Type: text/csv",
                    "Content-Length: " + chunk.length * chunks));
            for (int i = 0; i < chunks; i++) {
                upload.send(chunk);
                Thread.sleep(100);
            }
            RawHttp.Answer answer = upload.answer();
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"bodyBytes\":" + chunk.length * chunks);
        }
    }

    @Test
    void an_upload_that_stops_moving_gets_408_and_its_connection_closed() throws Exception {
        try (RawHttp upload = RawHttp.from("127.0.0.1")) {
            upload.send(head("POST", "/api/v1/submissions", SUBMITTER, "Content-Type: text/csv",
                    "Content-Length: 200000"));
            upload.send(new byte[10_000]);
            long start = System.nanoTime();
            RawHttp.Answer answer = upload.answer();
            assertThat(answer.status()).as(answer.body()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("body-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));
            assertThat(upload.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void a_small_body_that_never_finishes_gets_408() throws Exception {
        try (RawHttp request = RawHttp.from("127.0.0.1")) {
            request.send(head("GET", "/api/v1/data/PI09.DRUG_INDUCED_DEATHS", "Content-Length: 100") + "0123456789");
            RawHttp.Answer answer = request.answer();
            assertThat(answer.status()).as(answer.body()).isEqualTo(408);
            assertThat(answer.body()).contains("body-timeout");
            assertThat(request.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void a_backend_silent_for_longer_than_the_idle_timeout_is_still_a_504() {
        given().get("/api/v1/indicators?sleep=4000").then().statusCode(504)
                .contentType("application/problem+json");
    }

    @Test
    void a_connection_that_sends_part_of_its_headers_and_goes_quiet_is_closed() throws Exception {
        try (RawHttp slow = RawHttp.from("127.0.0.1")) {
            slow.send("GET /api/v1/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sl");
            assertThat(slow.closedWithin(Duration.ofSeconds(6))).isTrue();
        }
    }
}
