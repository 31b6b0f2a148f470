package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 through the endpoint: accepted means storable (4), a delete ignores its value (5), no silent
 * last-wins (6), plausible form (7). Every refused row is a 201 with its conflict, and the conflict is stored.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class IntakeRulesTest {

    static final String SDMX = "application/vnd.sdmx.data+csv;version=2.0.0";
    static final String CSV_HEADER = "measure,area,period,value,status,comment,action,SEX,AGE\n";

    @Inject
    AgroalDataSource dataSource;

    // --- 4: accepted means storable ---

    @Test
    void a_nul_in_the_comment_of_a_valid_row_is_refused_instead_of_accepted_and_lost_downstream() {
        String id = postJson(deaths("2021", "M", "12", ", \"comment\": \"checked\\u0000twice\""))
                .statusCode(201).body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("conflicts[0].code", equalTo("TEXT_NOT_ALLOWED")).body("conflicts[0].field", equalTo("comment"))
                .extract().path("id");

        assertThat(Database.observationsOf(dataSource, id)).isZero();
        assertThat(storedConflicts(id)).isEqualTo(1);
    }

    @Test
    void a_nul_in_a_csv_comment_is_refused_too() {
        post("text/csv", CSV_HEADER + "PI09.DRUG_INDUCED_DEATHS,AT,2021,12,,bad\u0000comment,,M,TOTAL\n")
                .statusCode(201).body("rejected", equalTo(1)).body("conflicts[0].code", equalTo("TEXT_NOT_ALLOWED"));
    }

    @Test
    void a_comment_longer_than_1000_characters_is_refused() {
        postJson(deaths("2021", "M", "12", ", \"comment\": \"" + "x".repeat(1001) + "\""))
                .statusCode(201).body("rejected", equalTo(1)).body("conflicts[0].code", equalTo("TEXT_TOO_LONG"));
    }

    @Test
    void a_nul_in_a_field_of_a_rejected_row_is_stored_with_its_conflict_instead_of_a_500() {
        String id = postJson("{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"A\\u0000T\", \"period\": \"2021\","
                + " \"dimensions\": {\"SEX\": \"M\", \"AGE\": \"TOTAL\"}, \"value\": 1}")
                .statusCode(201).body("rejected", equalTo(1)).body("conflicts[0].code", equalTo("AREA_INVALID"))
                .body("conflicts[0].message", containsString("A\uFFFDT"))
                .extract().path("id");

        assertThat(storedConflicts(id)).isEqualTo(1);
        read(id).body("conflicts[0].code", equalTo("AREA_INVALID"));
    }

    @Test
    void a_dimension_name_longer_than_the_field_column_is_stored_with_its_conflict_instead_of_a_500() {
        String name = "D".repeat(60);
        String id = postJson(deaths("2021", "M", "1", "").replace("\"AGE\": \"TOTAL\"",
                "\"AGE\": \"TOTAL\", \"" + name + "\": \"X\""))
                .statusCode(201).body("rejected", equalTo(1)).body("conflicts[0].code", equalTo("DIMENSION_UNKNOWN"))
                .extract().path("id");

        String field = read(id).extract().path("conflicts[0].field");
        assertThat(field).startsWith("dimensions/DDDD").hasSizeLessThanOrEqualTo(64);
        assertThat(storedConflicts(id)).isEqualTo(1);
    }

    // --- 5: a delete ignores its value ---

    /** The SDMX-CSV 2.0 field guide's example 16: a deleted value is marked with "-". */
    @Test
    void an_sdmx_csv_delete_marked_with_a_dash_is_accepted_and_carries_no_value() {
        String csv = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE\n"
                + "dataflow,EUDRUGS:PI09.DRUG_INDUCED_DEATHS(1.0),D,AT,M,TOTAL,2014,-\n";
        String id = post(SDMX, csv).statusCode(201)
                .body("deleted", equalTo(1)).body("rejected", equalTo(0)).extract().path("id");

        assertThat(Database.observationsOf(dataSource, id, "DELETE")).isEqualTo(1);
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e,"
                + " jsonb_array_elements(e.payload::jsonb -> 'observations') o where e.payload like ?"
                + " and o ->> 'value' is null", "%" + id + "%")).isEqualTo(1);
    }

    @Test
    void the_same_delete_in_a_dry_run_is_answered_too() {
        String csv = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE\n"
                + "dataflow,EUDRUGS:PI09.DRUG_INDUCED_DEATHS(1.0),D,AT,M,TOTAL,2014,-\n";
        given().auth().oauth2(Tokens.forReporter("AT", "submitter")).contentType(SDMX)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions?dryRun=true")
                .then().statusCode(200).body("deleted", equalTo(1)).body("rejected", equalTo(0));
    }

    @Test
    void a_json_delete_with_a_word_as_its_value_is_accepted() {
        postJson(deaths("2014", "F", "\"-\"", ", \"action\": \"D\"")).statusCode(201).body("deleted", equalTo(1));
    }

    // --- 6: no silent last-wins ---

    @Test
    void a_second_row_for_a_key_with_another_value_is_refused_and_the_first_value_is_what_travels() {
        String id = postJson(deaths("2021", "M", "12", ""), deaths("2021", "M", "15", ""))
                .statusCode(201).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("conflicts", hasSize(1)).body("conflicts[0].code", equalTo("DUPLICATE_KEY"))
                .body("conflicts[0].row", equalTo("/observations/1"))
                .extract().path("id");

        assertThat(Database.observationsOf(dataSource, id)).isEqualTo(1);
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e,"
                + " jsonb_array_elements(e.payload::jsonb -> 'observations') o where e.payload like ?"
                + " and (o ->> 'value')::numeric = 12", "%" + id + "%")).isEqualTo(1);
    }

    @Test
    void an_identical_repeat_is_accepted_as_harmless() {
        postJson(deaths("2021", "F", "12", ""), deaths("2021", "F", "12", ""))
                .statusCode(201).body("accepted", equalTo(2)).body("rejected", equalTo(0));
    }

    @Test
    void a_csv_repeating_a_key_names_the_later_line() {
        post("text/csv", CSV_HEADER + "PI09.DRUG_INDUCED_DEATHS,AT,2019,120,,,,M,TOTAL\n"
                + "PI09.DRUG_INDUCED_DEATHS,AT,2019,121,,,,M,TOTAL\n")
                .statusCode(201).body("accepted", equalTo(1))
                .body("conflicts[0].row", equalTo("3")).body("conflicts[0].code", equalTo("DUPLICATE_KEY"));
    }

    /** The test profile loads CSVs over 5,000 rows after a 202, in chunks of 4,000: the duplicate is in the second. */
    @Test
    void a_duplicate_in_a_later_chunk_of_a_large_load_is_refused() throws IOException {
        Path csv = LargeCsvTest.wastewaterCsv(6000, 0);
        String[] first = Files.readAllLines(csv).get(1).split(",", -1);
        first[3] = "555";
        Files.writeString(csv, String.join(",", first) + "\n", StandardOpenOption.APPEND);

        String location = given().auth().oauth2(Tokens.forReporter("EUDA", "submitter"))
                .contentType("text/csv").body(csv.toFile())
                .when().post("/api/v1/submissions").then().statusCode(202).extract().header("Location");
        JsonPath done = awaitFinished(location.substring(location.lastIndexOf('/') + 1));

        assertThat(done.getInt("accepted")).isEqualTo(6000);
        assertThat(done.getInt("rejected")).isEqualTo(1);
        assertThat(done.getInt("chunksCommitted")).isGreaterThanOrEqualTo(2);
        assertThat(done.getList("conflicts.code", String.class)).containsExactly("DUPLICATE_KEY");
        assertThat(done.getList("conflicts.row", String.class)).containsExactly("6002");
        Files.delete(csv);
    }

    @ParameterizedTest(name = "a JSON object with {0} twice is a 400")
    @CsvSource(delimiter = '|', textBlock = """
            its value       | "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 1, "value": 5
            a dimension     | "dimensions": {"SEX": "M", "SEX": "F", "AGE": "TOTAL"}, "value": 1
            """)
    void json_with_a_duplicated_key_is_refused_as_a_whole(String what, String fields) {
        post("application/json", "{\"observations\": [{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"AT\","
                + " \"period\": \"2021\", " + fields + "}]}")
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("Duplicate"));
    }

    // --- 7: plausible form ---

    @ParameterizedTest(name = "a count written {0} in a CSV cell, an SDMX-CSV cell or a JSON string is refused")
    @CsvSource({"1.234", "1.000", "12.0", "0.5"})
    void a_count_written_with_a_decimal_point_is_refused(String value) {
        post("text/csv", CSV_HEADER + "PI09.DRUG_INDUCED_DEATHS,AT,2021," + value + ",,,,M,TOTAL\n")
                .statusCode(201).body("rejected", equalTo(1)).body("conflicts[0].code", equalTo("VALUE_NOT_INTEGER"));
        post(SDMX, "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE\n"
                + "dataflow,EUDRUGS:PI09.DRUG_INDUCED_DEATHS(1.0),I,AT,M,TOTAL,2021," + value + "\n")
                .statusCode(201).body("rejected", equalTo(1)).body("conflicts[0].code", equalTo("VALUE_NOT_INTEGER"));
        postJson(deaths("2021", "M", "\"" + value + "\"", "")).statusCode(201).body("rejected", equalTo(1))
                .body("conflicts[0].code", equalTo("VALUE_NOT_INTEGER"));
    }

    @ParameterizedTest(name = "a count of {0} as a JSON number is refused")
    @CsvSource({"1.234", "0.5", "15E-1"})
    void a_count_that_is_no_whole_number_is_refused_as_a_json_number(String value) {
        postJson(deaths("2021", "M", value, "")).statusCode(201).body("rejected", equalTo(1))
                .body("conflicts[0].code", equalTo("VALUE_NOT_INTEGER"));
    }

    /**
     * JSON's grammar (RFC 8259, section 6) has one decimal mark and no grouping: 12.0 there is twelve. 110.0 and
     * 1E+2 once came through Jackson as the text 1.1E+2, which has a point, and were refused as decimals.
     */
    @ParameterizedTest(name = "a count of {0} as a JSON number is a whole number")
    @CsvSource({"12.0", "110.0", "1E+2", "100"})
    void a_whole_count_as_a_json_number_with_a_zero_fraction_is_whole(String value) {
        postJson(deaths("2021", "M", value, "")).statusCode(201).body("accepted", equalTo(1));
    }

    @Test
    void a_percentage_keeps_its_decimals() {
        postJson("{\"measure\": \"PI10.OST_COVERAGE\", \"area\": \"AT\", \"period\": \"2021\", \"value\": 1.234}")
                .statusCode(201).body("accepted", equalTo(1));
    }

    @ParameterizedTest(name = "the year {0} is out of range")
    @CsvSource({"0000", "9999", "1899"})
    void years_outside_the_range_are_refused(String year) {
        postJson(deaths(year, "M", "1", "")).statusCode(201).body("rejected", equalTo(1))
                .body("conflicts[0].code", equalTo("PERIOD_OUT_OF_RANGE"));
    }

    @Test
    void next_year_is_accepted_the_year_after_is_not() {
        int next = Year.now(ZoneOffset.UTC).getValue() + 1;
        postJson(deaths(Integer.toString(next), "M", "1", ""), deaths(Integer.toString(next + 1), "M", "1", ""),
                deaths("1900", "M", "1", ""))
                .statusCode(201).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("conflicts[0].row", equalTo("/observations/1"))
                .body("conflicts[0].code", equalTo("PERIOD_OUT_OF_RANGE"));
    }

    private static String deaths(String period, String sex, String value, String more) {
        return "{\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"AT\", \"period\": \"" + period + "\","
                + " \"dimensions\": {\"SEX\": \"" + sex + "\", \"AGE\": \"TOTAL\"}, \"value\": " + value + more + "}";
    }

    private static ValidatableResponse postJson(String... rows) {
        return post("application/json", "{\"observations\": [" + String.join(", ", rows) + "]}");
    }

    private static ValidatableResponse post(String type, String body) {
        return given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions").then();
    }

    private static ValidatableResponse read(String id) {
        return given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .when().get("/api/v1/submissions/" + id).then().statusCode(200);
    }

    private long storedConflicts(String id) {
        return Database.count(dataSource, "select count(*) from submission_conflict where submission_id = ?",
                UUID.fromString(id));
    }

    private static JsonPath awaitFinished(String id) {
        AtomicReference<JsonPath> status = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status.set(given().auth().oauth2(Tokens.forReporter("EUDA", "submitter"))
                    .when().get("/api/v1/submissions/" + id).then().statusCode(200).extract().jsonPath());
            return !"PROCESSING".equals(status.get().getString("status"));
        });
        return status.get();
    }
}
