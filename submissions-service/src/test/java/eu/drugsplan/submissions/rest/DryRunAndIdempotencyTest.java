package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class DryRunAndIdempotencyTest {

    private static final String BODY = """
            {"observations": [
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "DE", "period": "2021", "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "value": 1800},
              {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "FR", "period": "2021", "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "value": 500}
            ]}""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_dry_run_answers_the_summary_and_stores_nothing() {
        long submissions = Database.count(dataSource, "select count(*) from submission");
        long events = Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e");

        given().auth().oauth2(Tokens.forReporter("DE", "submitter"))
                .contentType(ContentType.JSON).body(BODY).queryParam("dryRun", true)
                .when().post("/api/v1/submissions")
                .then().statusCode(200)
                .header("Location", nullValue())
                .body("dryRun", equalTo(true)).body("id", nullValue())
                .body("received", equalTo(2)).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("conflicts[0].code", equalTo("REPORTER_NOT_ALLOWED_AREA"));

        assertThat(Database.count(dataSource, "select count(*) from submission")).isEqualTo(submissions);
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e")).isEqualTo(events);
    }

    @Test
    void the_same_key_with_the_same_body_returns_the_first_answer_and_changes_nothing() {
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.forReporter("DE", "submitter")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");
        long submissions = Database.count(dataSource, "select count(*) from submission");
        long events = Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e");

        given().auth().oauth2(Tokens.forReporter("DE", "submitter")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/submissions/" + first))
                .body("id", equalTo(first)).body("accepted", equalTo(1)).body("rejected", equalTo(1));

        assertThat(Database.count(dataSource, "select count(*) from submission")).isEqualTo(submissions);
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e")).isEqualTo(events);
    }

    @Test
    void the_same_key_with_another_body_is_refused_with_422() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.forReporter("DE", "submitter")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions").then().statusCode(201);

        given().auth().oauth2(Tokens.forReporter("DE", "submitter")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(BODY.replace("1800", "1801"))
                .when().post("/api/v1/submissions")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void keys_belong_to_one_reporter_so_another_reporter_may_use_the_same_key() {
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.forReporter("DE", "submitter")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.forReporter("FR", "submitter")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("id", not(equalTo(first))).body("reporter", equalTo("FR"));
    }
}
