package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, "done when", through the gateway: a focal point's accepted submission is not public until a reviewer
 * of the measure's reviewing body releases it. Sweden's clients in opioid substitution treatment with
 * dihydrocodeine (PI10.OST_CLIENTS, MEDICATION=DHC, 2019-2021; reviewed by EUDA) are this class's own series: no
 * other end-to-end class submits Sweden, and none this medication. The first submission doubles 2021 (a
 * year-on-year warning); EUDA's reviewer returns it with a comment on that row; the focal point submits a
 * corrected one, which the reviewer releases to be published a few seconds later.
 */
@ExtendWith(SharedSuiteExtension.class)
class ReviewAndReleaseThroughGatewayTest {

    private static final String MEASURE = "PI10.OST_CLIENTS";
    private static final String AREA = "SE";
    private static final String MEDICATION = "DHC";
    private static final String SDMX_CSV = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Suite suite;
    private static final String FOCAL_POINT = Tokens.forReporter(AREA, "submitter");
    private static final String REVIEWER = Review.reviewer("EUDA");

    @BeforeAll
    static void useTheSharedSuite(Suite shared) {
        suite = shared;
    }

    @Test
    void a_focal_points_submission_is_public_only_once_the_reviewing_body_released_it_and_its_time_has_come()
            throws IOException {
        // submitted: in review, with the warning the reviewer sees, and nothing of it public
        JsonPath first = submit(FOCAL_POINT, MEDICATION, 2000);
        String returned = first.getString("id");
        assertThat(first.getString("review.state")).isEqualTo("IN_REVIEW");
        assertThat(first.getList("review.reviewingBodies")).containsExactly("EUDA");
        assertThat(first.getList("warnings.code")).containsExactly("YEAR_ON_YEAR_CHANGE");
        assertThat(first.getString("warnings[0].period")).isEqualTo("2021");
        assertThat(queue()).contains(returned);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(ReviewAndReleaseThroughGatewayTest::nothingPublic);

        // only a reviewer of the reviewing body may release it
        release(FOCAL_POINT, returned, "{}").then().statusCode(403);
        release(Review.reviewer("EUROPOL"), returned, "{}").then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("not-your-body"));

        // returned, with a comment for the whole and one for the row the warning is about
        Map<String, Object> warned = rows(returned).stream().filter(r -> "2021".equals(r.get("period"))).findFirst()
                .orElseThrow();
        String answer = given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER).contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(Map.of("comment", "2021 doubles: please check the DHC clients",
                        "rows", List.of(Map.of("series", warned.get("series"), "period", "2021",
                                "comment", "twice 2020; a change of recording would need the break flag")))))
                .post("/api/v1/submissions/" + returned + "/return")
                .then().statusCode(200).extract().path("review.state");
        assertThat(answer).isEqualTo("RETURNED");
        assertThat(submission(returned).getString("review.comment")).isEqualTo("2021 doubles: please check the DHC clients");
        for (Map<String, Object> row : rows(returned)) {
            assertThat(row.get("reviewComment")).as("review comment of %s", row.get("period"))
                    .isEqualTo(row.get("period").equals("2021")
                            ? "twice 2020; a change of recording would need the break flag" : null);
        }
        assertThat(queue()).doesNotContain(returned);

        // the corrected submission, released by EUDA's reviewer to be published some seconds from now
        JsonPath second = submit(FOCAL_POINT, MEDICATION, 1100);
        String corrected = second.getString("id");
        assertThat(second.getString("review.state")).isEqualTo("IN_REVIEW");
        assertThat(second.getList("warnings")).as("the returned 2000 was never official").isEmpty();
        assertThat(queue()).contains(corrected);
        Instant publishAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        String releasing = "{\"publishAt\": \"" + publishAt + "\", \"note\": \"with the bulletin\"}";
        JsonPath released = release(REVIEWER, corrected, releasing).then().statusCode(200).extract().jsonPath();
        Instant beforePublication = Instant.now();
        assertThat(released.getString("review.state")).isEqualTo("RELEASED");
        assertThat(Instant.parse(released.getString("review.publishAt"))).isEqualTo(publishAt);
        assertThat(released.getList("review.releasedBy")).containsExactly("EUDA");
        // a double click releases once
        JsonPath again = release(REVIEWER, corrected, releasing).then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("review.state")).isIn("RELEASED", "OFFICIAL");
        assertThat(Instant.parse(again.getString("review.publishAt"))).isEqualTo(publishAt);
        assertThat(queue()).doesNotContain(corrected);
        Duration untilPublication = Duration.between(Instant.now(), publishAt).minusSeconds(1);
        if (!untilPublication.isNegative()) {
            await().during(untilPublication).atMost(untilPublication.plusSeconds(5))
                    .until(ReviewAndReleaseThroughGatewayTest::nothingPublic);
        }

        // official after its publication time: the values once, one version each, in the trend
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "OFFICIAL".equals(submission(corrected).getString("review.state")));
        assertThat(Instant.parse(submission(corrected).getString("review.officialAt"))).isAfterOrEqualTo(publishAt);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> data(Map.of()).getList("series.observations.flatten()").size() == 3);
        JsonPath data = data(Map.of());
        assertThat(data.getList("series")).hasSize(1);
        assertThat(data.getList("series[0].observations.period")).containsExactly("2019", "2020", "2021");
        assertThat(data.getDouble("series[0].observations.find { it.period == '2021' }.value")).isEqualTo(1100.0);
        assertThat(data(Map.of("includeHistory", "true")).getList(
                "series[0].observations.findAll { it.period == '2021' }.value", Double.class))
                .as("versions of 2021").containsExactly(1100.0);
        assertThat(sdmxHistoryOf2021()).as("SDMX versions of 2021").containsExactly("1100");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath trends = trends();
            return trends.getList("trends").size() == 1 && trends.getInt("trends[0].pointCount") == 3
                    && trends.getDouble("trends[0].latest.value") == 1100.0;
        });
        // as it stood before the publication time: nothing
        assertThat(data(Map.of("asOf", beforePublication.toString())).getList("series")).isEmpty();

        // every step audited, the release once
        assertThat(actions(returned)).contains("RETURNED").doesNotContain("RELEASED", "OFFICIAL");
        List<Map<String, Object>> audit = audit(corrected);
        List<String> steps = audit.stream().map(e -> String.valueOf(e.get("action"))).toList();
        assertThat(steps).containsSubsequence("RELEASED", "OFFICIAL");
        assertThat(steps.stream().filter("RELEASED"::equals)).as("RELEASED entries of %s", audit).hasSize(1);
        Map<String, Object> release = audit.stream().filter(e -> "RELEASED".equals(e.get("action"))).findFirst()
                .orElseThrow();
        assertThat(release.get("body")).isEqualTo("EUDA");
        assertThat(Instant.parse(String.valueOf(release.get("publishAt")))).isEqualTo(publishAt);
    }

    /** EUDA's own submission of a measure EUDA reviews is reviewed by someone else: its submitter cannot release it. */
    @Test
    void the_submitter_of_a_reviewing_body_cannot_release_its_own_submission() {
        String euda = Tokens.forReporter("EUDA", "submitter", "reviewer");
        JsonPath submitted = submit(euda, "OTHER", 80);
        String id = submitted.getString("id");
        assertThat(submitted.getString("review.state")).isEqualTo("IN_REVIEW");

        release(euda, id, "{}").then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("four-eyes"));
        assertThat(submission(id).getString("review.state")).isEqualTo("IN_REVIEW");

        // the agency withdraws it instead; it never becomes official
        given().baseUri(suite.gatewayUrl()).auth().oauth2(euda).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/submissions/" + id + "/withdraw").then().statusCode(200);
        assertThat(submission(id).getString("review.state")).isEqualTo("WITHDRAWN");
        assertThat(actions(id)).contains("WITHDRAWN");
    }

    /**
     * The reviewer's tools on another medication (SROM, slow-release oral morphine): the draft trend a release would
     * draw, a warning accepted with a note, and a bulk release that releases what it may and says why it refused
     * the rest. Once official, the reporting service's trend is the draft trend, figure for figure.
     */
    @Test
    void a_reviewer_sees_the_draft_trend_accepts_the_warning_and_releases_in_bulk() {
        String id = submit(FOCAL_POINT, "SROM", 2000).getString("id");
        String reviewed = "/api/v1/submissions/" + id;
        JsonPath draft = given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER).get(reviewed + "/trends")
                .then().statusCode(200).extract().jsonPath();
        assertThat(draft.getString("reviewState")).isEqualTo("IN_REVIEW");
        assertThat(draft.getList("series")).hasSize(1);
        assertThat(draft.getList("series[0].changedPeriods")).containsExactly("2019", "2020", "2021");
        assertThat(draft.getMap("series[0].official")).as("nothing official yet").isNull();
        assertThat(draft.getInt("series[0].draft.pointCount")).isEqualTo(3);
        assertThat(draft.getDouble("series[0].draft.latest.value")).isEqualTo(2000.0);
        // the focal point sees its own draft; another reporter does not
        given().baseUri(suite.gatewayUrl()).auth().oauth2(FOCAL_POINT).get(reviewed + "/trends").then().statusCode(200);
        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("NL", "submitter"))
                .get(reviewed + "/trends").then().statusCode(404);

        // the public trend read with view=draft leads the reporter to the measure's view with drafts; the public
        // read itself still shows nothing
        String drafts = given().baseUri(suite.gatewayUrl()).redirects().follow(false).queryParam("area", AREA)
                .queryParam("MEDICATION", "SROM").queryParam("view", "draft").get("/api/v1/trends/" + MEASURE)
                .then().statusCode(303).extract().header("Location");
        given().baseUri(suite.gatewayUrl()).get(drafts).then().statusCode(401);
        JsonPath measureDrafts = given().baseUri(suite.gatewayUrl()).auth().oauth2(FOCAL_POINT).get(drafts)
                .then().statusCode(200).extract().jsonPath();
        assertThat(measureDrafts.getList("series.submissions.flatten()")).containsExactly(id);
        assertThat((Object) measureDrafts.get("series[0].draft")).isEqualTo(draft.get("series[0].draft"));
        assertThat(trendsOf("SROM").getList("trends")).isEmpty();

        // the focal point cannot accept its own warning; EUDA's reviewer accepts it with a note, once
        String row = submission(id).getString("warnings[0].row");
        String accepting = "{\"warnings\": [{\"row\": \"" + row + "\", \"code\": \"YEAR_ON_YEAR_CHANGE\"}], "
                + "\"note\": \"a new clinic opened in 2021\"}";
        given().baseUri(suite.gatewayUrl()).auth().oauth2(FOCAL_POINT).contentType(ContentType.JSON).body(accepting)
                .post(reviewed + "/warnings/accept").then().statusCode(403);
        for (int click = 0; click < 2; click++) {
            given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(accepting)
                    .post(reviewed + "/warnings/accept").then().log().ifValidationFails().statusCode(200);
        }
        JsonPath accepted = submission(id);
        assertThat(accepted.getString("warnings[0].accepted.body")).isEqualTo("EUDA");
        assertThat(accepted.getString("warnings[0].accepted.note")).isEqualTo("a new clinic opened in 2021");
        assertThat(actions(id).stream().filter("WARNINGS_ACCEPTED"::equals)).hasSize(1);

        // one bulk release of this submission and of one that does not exist
        String unknown = java.util.UUID.randomUUID().toString();
        JsonPath bulk = given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER).contentType(ContentType.JSON)
                .body("{\"submissions\": [\"" + id + "\", \"" + unknown + "\"], \"note\": \"bulk\"}")
                .post("/api/v1/review/release").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertThat(bulk.getInt("applied")).isEqualTo(1);
        assertThat(bulk.getInt("refused")).isEqualTo(1);
        assertThat(bulk.getString("outcomes.find { it.submission == '" + id + "' }.review.state"))
                .isIn("RELEASED", "OFFICIAL");
        assertThat(bulk.getInt("outcomes.find { it.submission == '" + unknown + "' }.status")).isEqualTo(404);

        // official: the reporting service's trend is the one the reviewer saw before releasing
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath trends = trendsOf("SROM");
            return trends.getList("trends").size() == 1 && trends.getInt("trends[0].pointCount") == 3;
        });
        JsonPath official = trendsOf("SROM");
        for (String part : List.of("points", "latest", "yearOnYear", "shortTerm", "longTerm", "mannKendall",
                "senSlope", "overall", "segment")) {
            assertThat((Object) official.get("trends[0]." + part)).as(part)
                    .isEqualTo(draft.get("series[0].draft." + part));
        }
    }

    /** 1,000 and 1,050 clients in 2019 and 2020, and the given value for 2021, of one medication. */
    private static JsonPath submit(String token, String medication, int value2021) {
        String rows = "";
        for (String[] row : new String[][] {{"2019", "1000"}, {"2020", "1050"}, {"2021", String.valueOf(value2021)}}) {
            rows += (rows.isEmpty() ? "" : ",") + """
                    {"measure": "%s", "area": "%s", "period": "%s", "dimensions": {"MEDICATION": "%s"}, "value": %s}"""
                    .formatted(MEASURE, AREA, row[0], medication, row[1]);
        }
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"observations\": [" + rows + "]}").post("/api/v1/submissions")
                .then().log().ifValidationFails().statusCode(201)
                .body("accepted", org.hamcrest.Matchers.equalTo(3)).extract().jsonPath();
    }

    private static Response release(String token, String id, String body) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/submissions/" + id + "/release");
    }

    private static JsonPath submission(String id) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER).get("/api/v1/submissions/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The ids in EUDA's review queue. */
    private static List<String> queue() {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER).get("/api/v1/review/queue")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static List<Map<String, Object>> rows(String id) {
        return entries(given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER).queryParam("size", 100)
                .get("/api/v1/submissions/" + id + "/rows").then().statusCode(200).extract().asString());
    }

    private static List<Map<String, Object>> audit(String id) {
        return entries(given().baseUri(suite.gatewayUrl()).auth().oauth2(REVIEWER)
                .get("/api/v1/submissions/" + id + "/audit").then().statusCode(200).extract().asString());
    }

    private static List<String> actions(String id) {
        return audit(id).stream().map(e -> String.valueOf(e.get("action"))).toList();
    }

    /** The entries of a list answer: a JSON array, or an object with {@code rows} or {@code items}. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode items = root.isArray() ? root : root.has("rows") ? root.path("rows") : root.path("items");
            assertThat(items.isArray()).as("a list: %s", body).isTrue();
            List<Map<String, Object>> entries = new ArrayList<>();
            items.forEach(item -> entries.add(JSON.convertValue(item, Map.class)));
            return entries;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonPath data(Map<String, String> parameters) {
        return given().baseUri(suite.gatewayUrl()).queryParam("area", AREA).queryParam("MEDICATION", MEDICATION)
                .queryParams(parameters).get("/api/v1/data/" + MEASURE).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath trends() {
        return trendsOf(MEDICATION);
    }

    private static JsonPath trendsOf(String medication) {
        return given().baseUri(suite.gatewayUrl()).queryParam("area", AREA).queryParam("MEDICATION", medication)
                .get("/api/v1/trends/" + MEASURE).then().statusCode(200).extract().jsonPath();
    }

    /** No series in the data API, no trend, and no SDMX data (404, SDMX 1.5.0's "no results"). */
    private static boolean nothingPublic() {
        int sdmx = given().baseUri(suite.gatewayUrl()).header("Accept", SDMX_CSV)
                .get("/sdmx/2.1/data/" + SdmxIds.dataflowId(MEASURE) + "/" + AREA + "." + MEDICATION + "/all")
                .statusCode();
        return data(Map.of()).getList("series").isEmpty() && trends().getList("trends").isEmpty() && sdmx == 404;
    }

    /** OBS_VALUE of every version of 2021 in the SDMX-CSV answer with includeHistory. */
    private static List<String> sdmxHistoryOf2021() {
        String csv = given().baseUri(suite.gatewayUrl()).header("Accept", SDMX_CSV).queryParam("includeHistory", true)
                .get("/sdmx/2.1/data/" + SdmxIds.dataflowId(MEASURE) + "/" + AREA + "." + MEDICATION + "/all")
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r?\n");
        List<String> header = List.of(lines[0].split(","));
        int period = header.indexOf("TIME_PERIOD");
        int value = header.indexOf("OBS_VALUE");
        assertThat(period).as("TIME_PERIOD in %s", lines[0]).isNotNegative();
        List<String> values = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length > Math.max(period, value) && cells[period].equals("2021")) {
                values.add(cells[value]);
            }
        }
        return values;
    }
}
