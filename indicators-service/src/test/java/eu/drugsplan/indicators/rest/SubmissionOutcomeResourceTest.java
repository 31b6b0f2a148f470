package eu.drugsplan.indicators.rest;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.indicators.support.Observations.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionOutcomeResourceTest {

    private static final String OST = "PI10.OST_CLIENTS";

    @Test
    void the_outcome_of_a_submission_counts_what_the_store_did_with_each_of_its_events_once() {
        String area = uniqueArea();
        Map<String, String> methadone = Map.of("MEDICATION", "METHADONE");
        event(OST, area, methadone, "2016", "10").send();
        awaitVersions(OST, area, 1);
        UUID submission = UUID.randomUUID();
        Event inserted = event(OST, area, methadone, "2017", "20").inSubmission(submission).send();
        inserted.send();
        event(OST, area, methadone, "2016", "11").inSubmission(submission).send();
        event(OST, area, methadone, "2017", "20").inSubmission(submission).send();
        event(OST, area, methadone, "2016", null).deleting().inSubmission(submission).send();
        event(OST, area, methadone, "2015", null).deleting().inSubmission(submission).send();
        awaitVersions(OST, area, 4);

        JsonPath outcome = given().get("/internal/v1/submissions/" + submission + "/outcome").then().statusCode(200)
                .extract().jsonPath();

        assertThat(outcome.getString("submissionId")).isEqualTo(submission.toString());
        assertThat(outcome.getInt("applied")).isEqualTo(5);
        assertThat(outcome.getInt("inserted")).isEqualTo(1);
        assertThat(outcome.getInt("revised")).isEqualTo(1);
        assertThat(outcome.getInt("unchanged")).isEqualTo(1);
        assertThat(outcome.getInt("deleted")).isEqualTo(1);
        assertThat(outcome.getInt("nothingToDelete")).isEqualTo(1);
        assertThat(outcome.getString("lastAppliedAt")).isNotBlank();
    }

    @Test
    void a_submission_with_nothing_applied_yet_is_404() {
        given().get("/internal/v1/submissions/" + UUID.randomUUID() + "/outcome").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
