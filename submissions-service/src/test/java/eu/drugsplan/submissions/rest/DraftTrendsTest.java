package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.submissions.repository.StoredSeriesCopy;
import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Releases;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The draft view (issue 16): a submission under review shows, per series, the official trend beside the trend its
 * release would give. The official copy holds (from the fixture's series-updated event) 2014-2018 of one Hungarian series (30, 32, 31, 35, 36); the
 * expected figures are counted by hand: Mann-Kendall S is the sum of the signs of all later-minus-earlier
 * differences, Sen's slope the median of the pairwise slopes.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class DraftTrendsTest {

    private static final String HUNGARY = Tokens.forReporter("HU", "submitter");

    @Inject
    StoredSeriesCopy copy;

    @BeforeEach
    void theOfficialSeriesArrived() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !copy.current(List.of(CatalogueFixtureResource.STORED_SERIES)).isEmpty());
    }

    private static String submit(String rows) {
        return given().auth().oauth2(HUNGARY).contentType(ContentType.JSON).body("{\"observations\": [" + rows + "]}")
                .when().post("/api/v1/submissions").then().statusCode(201)
                .body("review.state", equalTo("IN_REVIEW")).extract().path("id");
    }

    private static String row(String sex, String period, int value) {
        return "{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"HU\", \"period\": \"" + period
                + "\", \"dimensions\": {\"SEX\": \"" + sex + "\", \"AGE\": \"TOTAL\"}, \"value\": " + value + "}";
    }

    private static JsonPath trends(String token, String id, int status) {
        return given().auth().oauth2(token).when().get("/api/v1/submissions/" + id + "/trends")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void a_reviewer_sees_the_official_trend_beside_the_trend_once_released() {
        String id = submit(row("F", "2019", 60) + ", " + row("F", "2018", 36) + ", " + row("M", "2019", 70));
        JsonPath answer = trends(Releases.reviewer("EUDA"), id, 200);
        assertThat(answer.getString("reviewState")).isEqualTo("IN_REVIEW");
        assertThat(answer.getList("series.seriesKey")).containsExactly(CatalogueFixtureResource.STORED_SERIES,
                "PI09.DRUG_INDUCED_DEATHS:HU:AGE=TOTAL,SEX=M");

        // 2018 sent again with its official value changes nothing; 2019 is new
        assertThat(answer.getList("series[0].changedPeriods")).isEqualTo(List.of("2019"));
        assertThat(answer.getString("series[0].desiredDirection")).isEqualTo("DOWN");
        assertThat(answer.getInt("series[0].official.pointCount")).isEqualTo(5);
        assertThat(answer.getLong("series[0].official.mannKendall.s")).isEqualTo(8);
        assertThat(answer.getDouble("series[0].official.senSlope.slope")).isEqualTo(1.5);
        assertThat(answer.getInt("series[0].draft.pointCount")).isEqualTo(6);
        assertThat(answer.getString("series[0].draft.latest.period")).isEqualTo("2019");
        assertThat(answer.getLong("series[0].draft.mannKendall.s")).isEqualTo(13);
        assertThat(answer.getDouble("series[0].draft.senSlope.slope")).isEqualTo(2.0);
        assertThat(answer.getDouble("series[0].draft.yearOnYear.absoluteChange")).isEqualTo(24.0);
        assertThat(answer.getString("series[0].draft.yearOnYear.label")).isEqualTo("INCREASE");

        // a new series has no official trend yet
        assertThat(answer.getString("series[1].official")).isNull();
        assertThat(answer.getInt("series[1].draft.pointCount")).isEqualTo(1);
    }

    @Test
    void the_reporter_sees_its_own_draft_and_no_one_else_does() {
        String id = submit(row("F", "2020", 40));
        assertThat(trends(HUNGARY, id, 200).getList("series.seriesKey"))
                .containsExactly(CatalogueFixtureResource.STORED_SERIES);
        assertThat(trends(Tokens.forReporter("AT", "submitter"), id, 404).getString("type"))
                .endsWith("submission-not-found");
        given().when().get("/api/v1/submissions/" + id + "/trends").then().statusCode(401);
        given().auth().oauth2(HUNGARY).when().get("/api/v1/submissions/" + id + "/trends?size=101")
                .then().statusCode(400);
    }
}
