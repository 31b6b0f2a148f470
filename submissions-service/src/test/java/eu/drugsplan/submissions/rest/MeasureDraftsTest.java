package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The view with drafts of a measure (issue 16): every row not yet official that the caller may see, per series,
 * pending submissions applied oldest first; withdrawn rows leave it. Estonia is this class's own reporter (no other
 * test of the module submits it), and the stand-in store holds no Estonian series, so nothing is official.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class MeasureDraftsTest {

    private static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    private static final String ESTONIA = Tokens.forReporter("EE", "submitter");

    private static String submit(String rows) {
        return given().auth().oauth2(ESTONIA).contentType(ContentType.JSON).body("{\"observations\": [" + rows + "]}")
                .when().post("/api/v1/submissions").then().statusCode(201)
                .body("review.state", equalTo("IN_REVIEW")).extract().path("id");
    }

    private static String row(String sex, String period, int value) {
        return "{\"measure\": \"" + MEASURE + "\", \"area\": \"EE\", \"period\": \"" + period
                + "\", \"dimensions\": {\"SEX\": \"" + sex + "\", \"AGE\": \"TOTAL\"}, \"value\": " + value + "}";
    }

    private static JsonPath drafts(String token, String query, int status) {
        return given().auth().oauth2(token).when().get("/api/v1/submissions/drafts/" + MEASURE + "?" + query)
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void pending_submissions_of_a_series_are_applied_oldest_first_and_a_withdrawn_one_leaves_the_draft() {
        String first = submit(row("F", "2019", 10) + ", " + row("F", "2020", 12) + ", " + row("M", "2019", 20));
        String second = submit(row("F", "2020", 14));

        JsonPath women = drafts(ESTONIA, "area=EE&SEX=F", 200);
        assertThat(women.getList("series.seriesKey")).containsExactly(MEASURE + ":EE:AGE=TOTAL,SEX=F");
        assertThat(women.getList("series[0].submissions")).containsExactly(first, second);
        assertThat(women.getString("series[0].official")).as("nothing official").isNull();
        assertThat(women.getInt("series[0].draft.pointCount")).isEqualTo(2);
        assertThat(women.getDouble("series[0].draft.latest.value")).isEqualTo(14.0);
        assertThat(women.getList("series[0].changedPeriods")).containsExactly("2019", "2020");
        assertThat(drafts(Releases.reviewer("EUDA"), "area=EE&SEX=F", 200).getList("series.seriesKey"))
                .as("a reviewer sees every reporter's drafts").hasSize(1);

        // paged in series-key order
        assertThat(drafts(ESTONIA, "area=EE&size=1", 200).getList("series.seriesKey"))
                .containsExactly(MEASURE + ":EE:AGE=TOTAL,SEX=F");
        assertThat(drafts(ESTONIA, "area=EE&size=1&page=1", 200).getList("series.seriesKey"))
                .containsExactly(MEASURE + ":EE:AGE=TOTAL,SEX=M");

        given().auth().oauth2(ESTONIA).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/submissions/" + second + "/withdraw").then().statusCode(200);
        JsonPath after = drafts(ESTONIA, "area=EE&SEX=F", 200);
        assertThat(after.getList("series[0].submissions")).containsExactly(first);
        assertThat(after.getDouble("series[0].draft.latest.value")).isEqualTo(12.0);
    }

    @Test
    void another_reporter_sees_none_of_them_and_bad_filters_are_refused() {
        submit(row("T", "2021", 30));
        assertThat(drafts(Tokens.forReporter("IE", "submitter"), "area=EE", 200).getList("series")).isEmpty();
        given().when().get("/api/v1/submissions/drafts/" + MEASURE).then().statusCode(401);
        assertThat(drafts(ESTONIA, "area=EE&COLOUR=RED", 400).getString("type")).endsWith("unknown-parameter");
        assertThat(drafts(ESTONIA, "area=EE&SEX=F,M", 400).getString("type")).endsWith("invalid-parameter");
        assertThat(drafts(ESTONIA, "area=E'E", 400).getString("type")).endsWith("invalid-parameter");
        assertThat(drafts(ESTONIA, "size=101", 400).getInt("status")).isEqualTo(400);
        given().auth().oauth2(ESTONIA).when().get("/api/v1/submissions/drafts/PI99.NOTHING")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
