package eu.drugsplan.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.gateway.support.GatewayWithBackends;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two pooled connections per backend, and at most 300 ms of waiting for one. */
@QuarkusTest
@TestProfile(PoolWaitTest.TinyPool.class)
class PoolWaitTest {

    public static class TinyPool extends GatewayWithBackends {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests", "100000",
                    "gateway.isolation.pool-size", "2",
                    "gateway.isolation.pool-wait", "300ms");
        }
    }

    @Test
    void a_request_that_waits_longer_than_the_pool_wait_gets_503_with_retry_after() throws Exception {
        // the first request of a run pays for warming up (token keys, connections): not what is measured here
        given().auth().oauth2(Tokens.forReporter("DE", "reader")).get("/api/v1/measures").then().statusCode(200);
        List<CompletableFuture<Integer>> slow = List.of("AT", "BE").stream()
                .map(reporter -> CompletableFuture.supplyAsync(() -> given()
                        .auth().oauth2(Tokens.forReporter(reporter, "reader"))
                        .get("/api/v1/indicators?sleep=2500").statusCode()))
                .toList();
        Thread.sleep(500);

        long start = System.nanoTime();
        given().auth().oauth2(Tokens.forReporter("DE", "reader")).get("/api/v1/measures")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("https://drugsplan.eu/problems/backend-busy"));
        // refused before a pooled connection came free (the slow requests hold theirs 2 s longer): a bound on
        // the wait, not a timing benchmark, so it leaves room for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));

        for (CompletableFuture<Integer> request : slow) {
            assertThat(request.get()).isEqualTo(200);
        }
        // the pool is free again: the same request passes
        given().auth().oauth2(Tokens.forReporter("DE", "reader")).get("/api/v1/measures").then().statusCode(200);
    }

    @Test
    void another_backends_pool_is_not_affected() throws Exception {
        List<CompletableFuture<Integer>> slow = List.of("AT", "BE").stream()
                .map(reporter -> CompletableFuture.supplyAsync(() -> given()
                        .auth().oauth2(Tokens.forReporter(reporter, "reader"))
                        .get("/api/v1/indicators?sleep=1500").statusCode()))
                .toList();
        Thread.sleep(300);
        given().get("/api/v1/trends/PI09.DRUG_INDUCED_DEATHS").then().statusCode(200);
        for (CompletableFuture<Integer> request : slow) {
            assertThat(request.get()).isEqualTo(200);
        }
    }
}
