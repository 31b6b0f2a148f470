package eu.drugsplan.gateway.protection;

import static eu.drugsplan.gateway.protection.RawHttp.HOSTILE;
import static eu.drugsplan.gateway.protection.RawHttp.head;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One client (127.0.0.2) holds 120 connections of each hostile kind - more than the 100 pooled connections
 * toward each backend that one such client used to exhaust - while another reads catalogue, data, trends and
 * opens a stream: every read is answered at once, with the gateway's default limits.
 */
@QuarkusTest
@TestProfile(GatewayWithBackends.class)
class HostileClientsTest {

    private static final int EACH_KIND = 120;
    private static final RestAssuredConfig PROMPT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 3000).setParam("http.socket.timeout", 3000));

    @Inject
    ConnectionLimit connections;

    private final List<RawHttp> hostile = new ArrayList<>();

    @AfterEach
    void theHostileClientLetsGo() {
        hostile.forEach(RawHttp::close);
        hostile.clear();
    }

    @Test
    void streams_unfinished_bodies_and_slow_headers_of_one_client_do_not_stop_another_clients_reads() throws Exception {
        for (int i = 0; i < EACH_KIND; i++) {
            hold(head("GET", "/api/v1/trends/stream"));
            hold(head("GET", "/api/v1/data/PI09.DRUG_INDUCED_DEATHS", "Content-Length: 100") + "0123456789");
            hold("GET /api/v1/indicators HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1");
        }
        Thread.sleep(500);

        for (String path : List.of("/api/v1/indicators", "/api/v1/data/PI09.DRUG_INDUCED_DEATHS",
                "/api/v1/trends/PI09.DRUG_INDUCED_DEATHS", "/api/v1/scoreboard")) {
            given().config(PROMPT).get(path).then().statusCode(200);
        }
        try (RawHttp stream = RawHttp.from("127.0.0.1")) {
            assertThat(stream.send(head("GET", "/api/v1/trends/stream")).readUntil(":subscribed")).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void the_hostile_clients_connections_are_given_back_when_it_lets_go() throws Exception {
        for (int i = 0; i < 20; i++) {
            hold(head("GET", "/api/v1/data/PI09.DRUG_INDUCED_DEATHS", "Content-Length: 100") + "0123456789");
        }
        ClientLimitsTest.awaitFreed(() -> connections.held(HOSTILE) == 20);
        theHostileClientLetsGo();
        ClientLimitsTest.awaitFreed(() -> connections.held(HOSTILE) == 0);
    }

    private void hold(String bytes) throws IOException {
        hostile.add(RawHttp.from(HOSTILE).send(bytes));
    }
}
