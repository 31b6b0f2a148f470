package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.PollHourlyGatewayElsewhere;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes a submission's events when its transaction commits, not at the relay's next poll: with
 * the poll an hour apart, only the wake-up from the commit can publish them within the test's wait. Without it
 * every submission waited half the poll interval on average before its trend could move.
 */
@QuarkusTest
@TestProfile(PollHourlyGatewayElsewhere.class)
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class RelayWakeUpTest {

    @Test
    void a_committed_submission_is_published_at_once_without_waiting_for_the_relays_poll() {
        String id = given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON)
                .body("{\"observations\": [{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"AT\", \"period\": \"2020\","
                        + " \"dimensions\": {\"SEX\": \"F\", \"AGE\": \"TOTAL\"}, \"value\": 7}]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .extract().path("id");
        Releases.release(id);

        assertThat(TopicProbe.await("observations.v1", r -> r.value().contains(id), Duration.ofSeconds(20))).hasSize(1);
    }
}
