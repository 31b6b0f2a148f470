package eu.drugsplan.indicators.messaging;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An event the store cannot apply goes to the dead-letter topic and its submission's outcome says so, with the
 * reason: before, the outcome stayed 404 and the submission's status said the store was PENDING forever.
 */
@QuarkusTest
class StoreFailureTest {

    private static final String TOPIC = "observations.v1";
    private static final String MEASURE = "PI10.OST_CLIENTS";

    @Test
    void an_event_the_database_refuses_is_a_failure_of_its_submission_with_the_databases_reason() {
        String area = uniqueArea();
        UUID submission = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // no reporter: the store's not-null column refuses it when the batch is written, not when it is read
        TopicProbe.send(TOPIC, key(area), event(eventId, submission, area, "null", "\"fine\""));

        JsonPath outcome = awaitOutcome(submission);

        assertThat(outcome.getLong("failed")).isEqualTo(1);
        assertThat(outcome.getLong("failedEvents")).isEqualTo(1);
        assertThat(outcome.getLong("applied")).isZero();
        assertThat(outcome.getString("failures[0].eventId")).isEqualTo(eventId.toString());
        assertThat(outcome.getString("failures[0].reason")).contains("reporter").contains("not-null");
        assertThat(outcome.getString("failures[0].failedAt")).isNotBlank();
        assertThat(TopicProbe.await(TOPIC + ".dlq", r -> r.value().contains(eventId.toString()), Duration.ofSeconds(20)))
                .singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(key(area)));
    }

    @Test
    void a_nul_in_a_comment_is_refused_whole_when_read_and_its_submission_is_told_why() {
        String area = uniqueArea();
        UUID submission = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        TopicProbe.send(TOPIC, key(area), event(eventId, submission, area, "\"EUDA\"", "\"before\\u0000after\""));

        JsonPath outcome = awaitOutcome(submission);

        assertThat(outcome.getLong("failed")).isEqualTo(1);
        assertThat(outcome.getString("failures[0].reason")).contains("comment").contains("cannot be stored");
        assertThat(given().queryParam("area", area).get("/api/v1/data/" + MEASURE).jsonPath().getList("series")).isEmpty();
    }

    @Test
    void an_event_applied_after_it_failed_is_no_longer_a_failure_of_its_submission() {
        String area = uniqueArea();
        UUID submission = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        TopicProbe.send(TOPIC, key(area), event(eventId, submission, area, "null", "null"));
        assertThat(awaitOutcome(submission).getLong("failed")).isEqualTo(1);

        // the operator fixed what was wrong and the event comes again, under its own id
        TopicProbe.send(TOPIC, key(area), event(eventId, submission, area, "\"EUDA\"", "null"));
        awaitVersions(MEASURE, area, 1);

        JsonPath outcome = given().get("/internal/v1/submissions/" + submission + "/outcome").then().statusCode(200)
                .extract().jsonPath();
        assertThat(outcome.getLong("failed")).isZero();
        assertThat(outcome.getLong("failedEvents")).isZero();
        assertThat(outcome.getList("failures")).isEmpty();
        assertThat(outcome.getLong("inserted")).isEqualTo(1);
    }

    private static JsonPath awaitOutcome(UUID submission) {
        JsonPath[] outcome = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().get("/internal/v1/submissions/" + submission + "/outcome");
            outcome[0] = response.statusCode() == 200 ? response.jsonPath() : null;
            return outcome[0] != null && outcome[0].getLong("failedEvents") > 0;
        });
        return outcome[0];
    }

    private static String key(String area) {
        return MEASURE + ":" + area + ":MEDICATION=METHADONE";
    }

    private static String event(UUID eventId, UUID submission, String area, String reporterJson, String commentJson) {
        return """
                {"version":2,"eventId":"%s","submissionId":"%s","reporter":%s,"measure":"%s","area":"%s",
                 "dimensions":{"MEDICATION":"METHADONE"},"receivedAt":"2026-11-22T10:00:00Z",
                 "observations":[{"action":"MERGE","period":"2017","value":12,"status":"A","comment":%s}]}"""
                .formatted(eventId, submission, reporterJson, MEASURE, area, commentJson);
    }
}
