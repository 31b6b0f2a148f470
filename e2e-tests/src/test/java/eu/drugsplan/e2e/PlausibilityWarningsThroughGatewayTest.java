package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: Eurostat's drug law offences of Austria (ICCS 0601, police data) jump from 1,990 in 2012 to 27,231 in
 * 2013 because the recording changed, and stay there. Submitted through the gateway as Eurostat, the import summary
 * warns that the break is not flagged; with the 2013 row flagged OBS_STATUS B it warns of nothing; a value sent
 * again for a period the real store holds is a revision, old and new side by side. The rows are read from the
 * shared dataset, not copied.
 */
@ExtendWith(SharedSuiteExtension.class)
class PlausibilityWarningsThroughGatewayTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CRIME_FILE = Path.of(System.getenv().getOrDefault("DATASETS_DIR",
            ROOT.resolve("../shared/datasets").toString())).resolve("eurostat-crime-2024/estat_crim_off_cat.tsv");
    private static final String MEASURE = "PI01.DRUG_LAW_OFFENCES";
    private static final List<String> YEARS = List.of("2010", "2011", "2012", "2013", "2014", "2015", "2016");

    private static Suite suite;
    private static Map<String, String> austria;

    @BeforeAll
    static void readAustria(Suite shared) throws IOException {
        assumeTrue(Files.isRegularFile(CRIME_FILE), "the shared datasets are not here");
        suite = shared;
        List<String> lines = Files.readAllLines(CRIME_FILE);
        String[] years = lines.get(0).split("\t");
        String[] values = lines.stream().filter(l -> l.startsWith("A,ICCS0601,NR,AT\t")).findFirst().orElseThrow()
                .split("\t");
        austria = new LinkedHashMap<>();
        for (int i = 1; i < years.length; i++) {
            austria.put(years[i].trim(), values[i].trim());
        }
        assertThat(austria).containsEntry("2012", "1990").containsEntry("2013", "27231");
    }

    @Test
    void the_recording_change_of_2013_without_a_break_flag_draws_break_not_flagged() {
        JsonPath summary = submit(body(null), false);

        assertThat(summary.getInt("accepted")).isEqualTo(YEARS.size());
        assertThat(summary.getList("warnings.code")).containsExactly("BREAK_NOT_FLAGGED");
        assertThat(summary.getString("warnings[0].row")).isEqualTo("/observations/3");
        assertThat(summary.getString("warnings[0].period")).isEqualTo("2013");
        assertThat(summary.getInt("warnings[0].value")).isEqualTo(27231);
        assertThat(summary.getInt("warnings[0].reference")).isEqualTo(1990);
        assertThat(summary.getString("warnings[0].message")).contains("2012: 1990, 2013: 27231", "2014: 29164");
        // stored with the submission: the status resource reads it back
        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("EUROSTAT", "submitter"))
                .get("/api/v1/submissions/" + summary.getString("id"))
                .then().statusCode(200).body("warnings.code", org.hamcrest.Matchers.contains("BREAK_NOT_FLAGGED"));
    }

    @Test
    void the_same_rows_with_2013_flagged_as_a_break_draw_no_warning() {
        JsonPath summary = submit(body("2013"), false);

        assertThat(summary.getInt("accepted")).isEqualTo(YEARS.size());
        assertThat(summary.getList("warnings")).isEmpty();
        assertThat(summary.getInt("warned")).isZero();
    }

    @Test
    void a_value_sent_again_for_a_stored_period_is_a_revision_with_old_and_new() {
        // the revision is against the official value: the first submission is released (by EUROPOL, PI01's body)
        Review.release(suite.gatewayUrl(), submit(body("2013"), false).getString("id"));
        // the store applies the rows after the answer: until then the data has no such period (or no series)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<Object> periods = given().baseUri(suite.gatewayUrl()).queryParam("area", "AT")
                    .get("/api/v1/data/" + MEASURE).then().extract().jsonPath().getList("series[0].observations.period");
            return periods != null && periods.contains("2016");
        });
        String row = "{\"measure\": \"" + MEASURE + "\", \"area\": \"AT\", \"period\": \"2016\", \"value\": 36300}";

        // submissions-service compares with its copy of the official series, kept from the store's series-updated
        // events: it hears of the stored period moments after the data API shows it
        JsonPath summary = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> submit("{\"observations\": [" + row + "]}", true),
                        answer -> !answer.getList("warnings").isEmpty());

        assertThat(summary.getList("warnings.code")).containsExactly("REVISION");
        assertThat(summary.getInt("warnings[0].reference")).isEqualTo(Integer.parseInt(austria.get("2016")));
        assertThat(summary.getInt("warnings[0].value")).isEqualTo(36300);
        assertThat(summary.getString("warnings[0].message")).contains("Stored: 36235, now: 36300");
    }

    private static JsonPath submit(String body, boolean dryRun) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("EUROSTAT", "submitter"))
                .contentType(ContentType.JSON).body(body).queryParam("dryRun", dryRun)
                .when().post("/api/v1/submissions")
                .then().statusCode(dryRun ? 200 : 201).body("rejected", org.hamcrest.Matchers.equalTo(0))
                .extract().jsonPath();
    }

    /** Austria's rows of 2010-2016 as in the file, the year named flagged as a break. */
    private static String body(String breakYear) {
        StringBuilder rows = new StringBuilder();
        for (String year : YEARS) {
            rows.append(rows.isEmpty() ? "" : ",\n").append("{\"measure\": \"").append(MEASURE)
                    .append("\", \"area\": \"AT\", \"period\": \"").append(year).append("\", \"value\": ")
                    .append(austria.get(year)).append(year.equals(breakYear) ? ", \"status\": \"B\"" : "").append('}');
        }
        return "{\"observations\": [" + rows + "]}";
    }
}
