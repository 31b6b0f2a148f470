package eu.drugsplan.gateway.protection;

import static eu.drugsplan.gateway.protection.RawHttp.HOSTILE;
import static eu.drugsplan.gateway.protection.RawHttp.head;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small per-client ceilings: 6 connections per address, 2 requests in flight and 2 open streams per caller. */
@QuarkusTest
@TestProfile(ClientLimitsTest.SmallCeilings.class)
class ClientLimitsTest {

    public static class SmallCeilings extends GatewayWithBackends {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests", "100000",
                    "gateway.isolation.connections-per-client", "6",
                    "gateway.isolation.requests-per-client", "2",
                    "gateway.isolation.streams-per-client", "2");
        }
    }

    @Inject
    ConnectionLimit connections;

    @Test
    void a_caller_over_its_open_streams_gets_429_and_another_caller_still_gets_its_stream() throws Exception {
        String at = "Authorization: Bearer " + Tokens.forReporter("AT", "reader");
        try (RawHttp first = stream(at); RawHttp second = stream(at); RawHttp third = RawHttp.from("127.0.0.1")) {
            RawHttp.Answer refused = third.send(head("GET", "/api/v1/trends/stream", at)).answer();
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(refused.body()).contains("too-many-streams");

            try (RawHttp other = stream("Authorization: Bearer " + Tokens.forReporter("BE", "reader"))) {
                assertThat(other).isNotNull();
            }
        }
        // both streams ended with their connections: the caller has its room back
        awaitFreed(() -> {
            try (RawHttp again = stream(at)) {
                return true;
            } catch (AssertionError | Exception notYet) {
                return false;
            }
        });
    }

    @Test
    void a_caller_over_its_requests_in_flight_gets_429_and_another_caller_is_served() throws Exception {
        String at = "Authorization: Bearer " + Tokens.forReporter("AT", "reader");
        try (RawHttp slow1 = RawHttp.from("127.0.0.1"); RawHttp slow2 = RawHttp.from("127.0.0.1");
             RawHttp third = RawHttp.from("127.0.0.1")) {
            slow1.send(head("GET", "/api/v1/indicators?sleep=1500", at));
            slow2.send(head("GET", "/api/v1/indicators?sleep=1500", at));
            Thread.sleep(300);
            RawHttp.Answer refused = third.send(head("GET", "/api/v1/indicators", at)).answer();
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("too-many-requests");
            assertThat(refused.header("Retry-After")).isEqualTo("2");

            given().auth().oauth2(Tokens.forReporter("BE", "reader")).get("/api/v1/indicators").then().statusCode(200);
            assertThat(slow1.answer().status()).isEqualTo(200);
            assertThat(slow2.answer().status()).isEqualTo(200);
        }
        given().auth().oauth2(Tokens.forReporter("AT", "reader")).get("/api/v1/indicators").then().statusCode(200);
    }

    @Test
    void an_address_over_its_connections_gets_429_on_a_closed_connection_and_its_slot_back_when_one_closes()
            throws Exception {
        List<RawHttp> open = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                RawHttp connection = RawHttp.from(HOSTILE);
                assertThat(connection.send(head("GET", "/api/v1/measures")).answer().status()).isEqualTo(200);
                open.add(connection);
            }
            try (RawHttp seventh = RawHttp.from(HOSTILE)) {
                RawHttp.Answer refused = seventh.send(head("GET", "/api/v1/measures")).answer();
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.body()).contains("too-many-connections");
                assertThat(refused.header("Retry-After")).isEqualTo("2");
                assertThat(seventh.closedWithin(Duration.ofSeconds(2))).isTrue();
            }
            // another address is not affected
            given().get("/api/v1/measures").then().statusCode(200);

            open.remove(0).close();
            awaitFreed(() -> connections.held(HOSTILE) == 5);
            try (RawHttp again = RawHttp.from(HOSTILE)) {
                assertThat(again.send(head("GET", "/api/v1/measures")).answer().status()).isEqualTo(200);
            }
        } finally {
            open.forEach(RawHttp::close);
        }
        awaitFreed(() -> connections.held(HOSTILE) == 0);
    }

    private static RawHttp stream(String authorization) throws Exception {
        RawHttp stream = RawHttp.from("127.0.0.1");
        try {
            String head = stream.send(head("GET", "/api/v1/trends/stream", authorization)).readUntil("\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 200");
            stream.readUntil(":subscribed");
            return stream;
        } catch (AssertionError | Exception refused) {
            stream.close();
            throw refused;
        }
    }

    static void awaitFreed(java.util.function.BooleanSupplier freed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!freed.getAsBoolean()) {
            assertThat(System.nanoTime()).as("freed within 5 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
