package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.TopicProbe;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 in the service: rows under review wait outside the outbox; who may release, return and withdraw; a
 * release with a publication time reaches the outbox exactly once, at that time; the audit and the review events.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class ReviewWorkflowTest {

    private static final String SERIES = "PI09.DRUG_INDUCED_DEATHS:SI:AGE=TOTAL,SEX=F";

    @Inject
    AgroalDataSource dataSource;

    private static String submit(String token, String area, String period, int value) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"observations\": [{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"" + area
                        + "\", \"period\": \"" + period + "\", \"dimensions\": {\"SEX\": \"F\", \"AGE\": \"TOTAL\"},"
                        + " \"value\": " + value + "}]}")
                .when().post("/api/v1/submissions").then().statusCode(201)
                .body("review.state", equalTo("IN_REVIEW")).body("review.reviewingBodies", equalTo(List.of("EUDA")))
                .extract().path("id");
    }

    private static JsonPath act(String token, String id, String step, String body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions/" + id + "/" + step)
                .then().statusCode(status).extract().jsonPath();
    }

    private long inOutbox(String id) {
        return Database.count(dataSource, "select count(*) from outbox_event where topic = 'observations.v1'"
                + " and payload like ?", "%\"submissionId\":\"" + id + "\"%");
    }

    @Test
    void a_returned_submission_never_reaches_the_outbox_and_only_the_right_reviewer_may_return_it() {
        String slovenia = Tokens.forReporter("SI", "submitter");
        String id = submit(slovenia, "SI", "2019", 40);
        assertThat(inOutbox(id)).as("under review: not in the outbox").isZero();

        assertThat(act(slovenia, id, "release", "{}", 403).getString("type")).endsWith("not-a-reviewer");
        assertThat(act(Releases.reviewer("EUROPOL"), id, "release", "{}", 403).getString("type"))
                .endsWith("not-your-body");
        given().auth().oauth2(Releases.reviewer("EUDA")).when().get("/api/v1/review/queue")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Releases.reviewer("EUROPOL")).when().get("/api/v1/review/queue")
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        String returning = "{\"comment\": \"see 2019\", \"rows\": [{\"series\": \"" + SERIES
                + "\", \"period\": \"2019\", \"comment\": \"twice last year's figure?\"}]}";
        act(Releases.reviewer("EUDA"), id, "return", returning, 200);
        JsonPath again = act(Releases.reviewer("EUDA"), id, "return", returning, 200);
        assertThat(again.getString("review.state")).isEqualTo("RETURNED");
        assertThat(again.getString("review.comment")).isEqualTo("see 2019");
        given().auth().oauth2(slovenia).when().get("/api/v1/submissions/" + id + "/rows")
                .then().statusCode(200).body("rows[0].series", equalTo(SERIES)).body("rows[0].value", equalTo(40))
                .body("rows[0].reviewComment", equalTo("twice last year's figure?"));
        assertThat(act(Releases.reviewer("EUDA"), id, "release", "{}", 409).getString("type"))
                .endsWith("review-state-conflict");
        act(slovenia, id, "withdraw", "{\"note\": \"corrected in the next one\"}", 200);
        assertThat(inOutbox(id)).as("returned and withdrawn: never in the outbox").isZero();

        List<String> steps = given().auth().oauth2(slovenia).when().get("/api/v1/submissions/" + id + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("action", String.class);
        assertThat(steps).containsExactly("SUBMITTED", "RETURNED", "WITHDRAWN");
    }

    @Test
    void an_embargoed_release_reaches_the_outbox_once_at_its_publication_time() {
        String id = submit(Tokens.forReporter("SI", "submitter"), "SI", "2020", 41);
        Instant publishAt = Instant.now().plusSeconds(4);

        JsonPath released = act(Releases.reviewer("EUDA"), id, "release",
                "{\"publishAt\": \"" + publishAt + "\", \"note\": \"with the bulletin\"}", 200);
        act(Releases.reviewer("EUDA"), id, "release", "{}", 200);
        assertThat(released.getString("review.state")).isEqualTo("RELEASED");
        assertThat(inOutbox(id)).as("embargoed: not yet in the outbox").isZero();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> inOutbox(id) > 0);
        assertThat(Instant.now()).isAfterOrEqualTo(publishAt);
        given().auth().oauth2(Releases.reviewer("EUDA")).when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("review.state", equalTo("OFFICIAL"));
        assertThat(inOutbox(id)).isEqualTo(1);
        assertThat(TopicProbe.await("observations.v1", r -> r.value().contains(id), Duration.ofSeconds(20)))
                .hasSize(1);

        List<String> steps = given().auth().oauth2(Releases.reviewer("EUDA"))
                .queryParam("series", SERIES).when().get("/api/v1/review/audit")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.submission == '" + id + "' }.action",
                        String.class);
        assertThat(steps).containsExactly("SUBMITTED", "RELEASED", "OFFICIAL");
        assertThat(TopicProbe.await("review-events.v1", r -> r.key().equals(id), 3, Duration.ofSeconds(20)))
                .extracting(r -> r.value().replaceAll(".*\"action\":\"([A-Z_]+)\".*", "$1"))
                .containsExactly("SUBMITTED", "RELEASED", "OFFICIAL");
    }

    @Test
    void an_agency_never_releases_its_own_submission_with_the_same_person() {
        String carla = personOfEuda("carla");
        String id = submit(carla, "SI", "2021", 42);

        assertThat(act(carla, id, "release", "{}", 403).getString("type")).endsWith("four-eyes");
        assertThat(act(personOfEuda("dario"), id, "release", "{}", 200).getString("review.state"))
                .isEqualTo("OFFICIAL");
    }

    /** A person of EUDA who may both submit and review. */
    private static String personOfEuda(String subject) {
        return Tokens.forPerson(subject, "EUDA", "submitter", "reviewer");
    }
}
