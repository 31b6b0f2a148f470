package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaOutageTest.KafkaDown.class)
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class KafkaOutageTest {

    /**
     * The broker is unreachable: its address is a closed port - except for the catalogue's channel, as for a
     * service that had its copy of the catalogue before Kafka went away (without one nothing is validated at all).
     */
    public static class KafkaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the channel's own setting: the suite-wide kafka.bootstrap.servers comes from the environment too
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:9", "mp.messaging.outgoing.outbox.bootstrap.servers", "127.0.0.1:9",
                    "outbox.send-timeout", "3s", "mp.messaging.outgoing.outbox.max.block.ms", "1000",
                    "mp.messaging.incoming.catalogue.bootstrap.servers", TopicProbe.bootstrapServers());
        }
    }

    /** Health and metrics answer on the management port, not on the API's. */
    @TestHTTPResource(value = "health/ready", management = true) // under the management root, /q
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true) // under the management root, /q
    URL metrics;

    @Test
    void a_submission_is_accepted_while_kafka_is_down_and_the_backlog_is_reported() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON)
                .body("""
                        {"observations": [
                          {"measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2020", "value": 3},
                          {"measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021", "value": 4}]}""")
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(2));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var outbox = given().when().get(readiness).then().extract().jsonPath()
                    .getMap("checks.find { it.name == 'outbox' }.data");
            // the two rows of one series travel as one event
            assertThat(((Number) outbox.get("pending")).longValue()).isEqualTo(1);
        });
        String prometheus = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(prometheus).containsPattern("outbox_backlog\\S* 1\\.0");
    }
}
