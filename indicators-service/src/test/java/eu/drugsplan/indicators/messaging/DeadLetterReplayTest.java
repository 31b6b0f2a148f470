package eu.drugsplan.indicators.messaging;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.replay.DeadLetterReplay;
import eu.drugsplan.replay.ReplayOptions;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * deploy/local/replay-dlq.sh against the store: a dead-lettered event replayed to observations.v1 is applied,
 * and replaying it again (or an event already applied) changes nothing, because the store applies an event id once.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String TOPIC = "observations.v1";
    private static final String MEASURE = "PI10.OST_CLIENTS";

    @Test
    void a_dead_lettered_event_replayed_twice_is_applied_once() {
        String area = uniqueArea();
        String key = MEASURE + ":" + area + ":MEDICATION=METHADONE";
        UUID eventId = UUID.randomUUID();
        TopicProbe.send(TOPIC + ".dlq", key, event(eventId, area, "2017"), Map.of("dead-letter-topic", TOPIC,
                "dead-letter-reason", "the database was refusing it then"));
        ReplayOptions options = ReplayOptions.all(TopicProbe.bootstrapServers(), TOPIC + ".dlq")
                .onlyEvents(Set.of(eventId.toString()));
        PrintStream log = new PrintStream(java.io.OutputStream.nullOutputStream());

        assertThat(DeadLetterReplay.run(options, log).selected()).isEqualTo(1);
        awaitVersions(MEASURE, area, 1);
        assertThat(DeadLetterReplay.run(options, log).selected()).isEqualTo(1);

        // a later event of the same series (same partition) is applied after the second replay's record
        TopicProbe.send(TOPIC, key, event(UUID.randomUUID(), area, "2018"));
        awaitVersions(MEASURE, area, 2);

        assertThat(TopicProbe.await(TOPIC, r -> r.value().contains(eventId.toString()), 2, Duration.ofSeconds(20)))
                .hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(key));
        JsonPath history = given().queryParam("area", area).queryParam("period", "2017")
                .queryParam("MEDICATION", "METHADONE").get("/api/v1/data/" + MEASURE + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("versions")).hasSize(1);
        assertThat(history.getString("versions[0].eventId")).isEqualTo(eventId.toString());
    }

    private static String event(UUID eventId, String area, String period) {
        return """
                {"version":2,"eventId":"%s","submissionId":"%s","reporter":"EUDA","measure":"%s","area":"%s",
                 "dimensions":{"MEDICATION":"METHADONE"},"receivedAt":"2026-11-22T10:00:00Z",
                 "observations":[{"action":"MERGE","period":"%s","value":12,"status":"A","comment":null}]}"""
                .formatted(eventId, UUID.randomUUID(), MEASURE, area, period);
    }
}
