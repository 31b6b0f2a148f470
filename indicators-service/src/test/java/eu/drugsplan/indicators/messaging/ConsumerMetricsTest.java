package eu.drugsplan.indicators.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsumerMetricsTest {

    @TestHTTPResource(value = "metrics", management = true) // under the management root, /q
    URL metrics;

    /** The consumer lag the sizing advice in deploy/README.md relies on comes from Micrometer's Kafka binder. */
    @Test
    void the_consumer_lag_of_the_observations_channel_is_a_prometheus_metric() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(metrics)
                .then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"))
                .body(containsString("outbox_backlog")));
    }
}
