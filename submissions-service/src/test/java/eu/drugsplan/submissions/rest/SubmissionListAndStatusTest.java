package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import eu.drugsplan.submissions.repository.PublicationTimes;
import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class SubmissionListAndStatusTest {

    @Inject
    EntityManager entityManager;

    @Inject
    PublicationTimes publicationTimes;

    private static String submit(String reporter, String value) {
        return given().auth().oauth2(Tokens.forReporter(reporter, "submitter")).contentType(ContentType.JSON)
                .body("{\"observations\": [{\"measure\": \"PI01.DRUG_RELATED_HOMICIDES\", \"area\": \"" + reporter
                        + "\", \"period\": \"2021\", \"value\": " + value + "}]}")
                .when().post("/api/v1/submissions").then().statusCode(201).extract().path("id");
    }

    private static JsonPath list(String reporter, String role, String query) {
        return given().auth().oauth2(Tokens.forReporter(reporter, role))
                .when().get("/api/v1/submissions" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_focal_point_lists_only_its_own_submissions_newest_first() {
        String older = submit("SK", "1");
        String newer = submit("SK", "2");
        submit("SI", "3");

        JsonPath own = list("SK", "submitter", "?reporter=SI");

        assertThat(own.getList("items.reporter", String.class)).containsOnly("SK");
        assertThat(own.getList("items.id", String.class)).containsSubsequence(newer, older);
    }

    @Test
    void a_reviewer_lists_everyone_and_filters_by_reporter_status_and_date() {
        Instant before = Instant.now().minusSeconds(1);
        String accepted = submit("LV", "5");
        String rejected = submit("LT", "-5");

        assertThat(list("EUDA", "reviewer", "?size=200").getList("items.reporter", String.class)).contains("LV", "LT");
        assertThat(list("EUDA", "reviewer", "?reporter=LT").getList("items.id", String.class)).containsExactly(rejected);
        assertThat(list("EUDA", "reviewer", "?status=REJECTED&size=200").getList("items.id", String.class))
                .contains(rejected).doesNotContain(accepted);
        assertThat(list("EUDA", "reviewer", "?from=" + before + "&size=200").getList("items.id", String.class))
                .contains(accepted, rejected);
        assertThat(list("EUDA", "reviewer", "?to=" + before).getList("items.id", String.class))
                .doesNotContain(accepted, rejected);
    }

    @Test
    void the_list_is_paged_with_a_total() {
        submit("LU", "1");
        submit("LU", "2");
        submit("LU", "3");

        JsonPath page = list("LU", "submitter", "?size=2&page=1");

        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getInt("page")).isEqualTo(1);
    }

    @Test
    void the_status_resource_shows_the_timeline_up_to_publication_and_waits_for_the_store() {
        String id = submit("MT", "2");
        given().auth().oauth2(Tokens.forReporter("MT", "submitter")).when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("review.state", equalTo("IN_REVIEW"))
                .body("timeline[2].name", equalTo("published")).body("timeline[2].state", equalTo("PENDING"));
        Releases.release(id);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.forReporter("MT", "submitter"))
                        .when().get("/api/v1/submissions/" + id)
                        .then().statusCode(200)
                        .body("timeline.name", equalTo(List.of("received", "validated", "published", "stored")))
                        .body("timeline[0].state", equalTo("DONE"))
                        .body("timeline[1].state", equalTo("DONE"))
                        .body("timeline[2].state", equalTo("DONE"))
                        .body("timeline[3].state", equalTo("PENDING"))
                        .body("unchanged", nullValue()).body("revised", nullValue())
                        .body("accepted", equalTo(1)));
    }

    @Test
    void another_focal_point_cannot_read_a_submission() {
        String id = submit("CY", "2");

        given().auth().oauth2(Tokens.forReporter("HR", "submitter")).when().get("/api/v1/submissions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** The test profile records publication times hourly (a first run at start), so nothing else writes here. */
    @Test
    void reading_a_submission_never_writes_its_publication_time_the_schedule_records_it() {
        String id = submit("MT", "4");
        Releases.release(id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.forReporter("MT", "submitter")).when().get("/api/v1/submissions/" + id)
                        .then().statusCode(200).body("timeline[2].state", equalTo("DONE")));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update submission set published_at = null where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());

        String shown = given().auth().oauth2(Tokens.forReporter("MT", "submitter"))
                .when().get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("timeline[2].state", equalTo("DONE")).extract().path("timeline[2].at");

        assertThat(shown).isNotNull();
        assertThat(storedPublicationTime(id)).isNull();
        assertThat(publicationTimes.record()).isPositive();
        assertThat(storedPublicationTime(id)).isNotNull();
    }

    private Object storedPublicationTime(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from submission where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
    }
}
