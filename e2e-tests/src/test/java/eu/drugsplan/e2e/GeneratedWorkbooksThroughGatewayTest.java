package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Generated workbooks through the gateway (issue 20): wide tables of Ireland's and other rows, with blanks, ':',
 * values in and out of range, broken cells, sometimes without their measure or cut short. Invariants: never a
 * 5xx; what is accepted is stored exactly once (the store's outcome counts every accepted row once, and the data
 * API holds each accepted value); what is refused as a whole leaves nothing behind (no submission). Ireland
 * (IE) and PI10.OST_COVERAGE are this class's own: no other e2e class submits them.
 */
@AddLifecycleHook(SeedFromSystemProperty.class)
class GeneratedWorkbooksThroughGatewayTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String MEASURE = "PI10.OST_COVERAGE";
    private static final String REPORTER = "IE";

    private static Suite suite;

    record Cell(Object written, boolean valid) {
    }

    record Line(String name, List<Cell> cells) {

        boolean ireland() {
            return name.replace("*", "").trim().equals("Ireland");
        }
    }

    /** A workbook as sent: its periods, its rows, whether the request names the measure, whether it is cut short. */
    record Workbook(List<Integer> years, List<Line> lines, boolean measured, boolean truncated) {
    }

    @BeforeContainer
    static void useTheSharedSuite() {
        suite = SharedSuite.get();
    }

    @Property(seed = "20261202", tries = 15)
    void a_generated_workbook_is_never_a_5xx_stored_once_when_accepted_and_leaves_nothing_when_refused(
            @ForAll("workbooks") Workbook workbook) throws IOException {
        byte[] body = write(workbook);
        long submissionsBefore = submissions();

        Response answer = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(REPORTER, "submitter"))
                .contentType(XLSX).body(body)
                .post("/api/v1/submissions" + (workbook.measured() ? "?measure=" + MEASURE : ""));

        assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 400, 413);
        if (answer.statusCode() != 201) {
            assertThat(answer.contentType()).contains("problem+json");
            assertThat(submissions()).as("submissions of IE after a refused workbook").isEqualTo(submissionsBefore);
            return;
        }
        Map<String, BigDecimal> expected = expected(workbook);
        assertThat(answer.jsonPath().getInt("accepted")).isEqualTo(expected.size());
        if (expected.isEmpty()) {
            return; // nothing to publish: the store has nothing to apply
        }
        String id = answer.jsonPath().getString("id");
        Review.release(suite.gatewayUrl(), id);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var status = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(REPORTER, "submitter"))
                    .get("/api/v1/submissions/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(status.getString("timeline.find { it.name == 'stored' }.state")).isEqualTo("DONE");
            assertThat(status.getInt("inserted") + status.getInt("revised") + status.getInt("unchanged"))
                    .as("every accepted row applied once").isEqualTo(expected.size());
        });
        var series = given().baseUri(suite.gatewayUrl()).queryParam("area", REPORTER).get("/api/v1/data/" + MEASURE)
                .then().statusCode(200).extract().jsonPath();
        expected.forEach((period, value) -> assertThat(new BigDecimal(series.getString(
                "series[0].observations.find { it.period == '" + period + "' }.value")))
                .as("IE %s", period).isEqualByComparingTo(value));
    }

    @Provide
    Arbitrary<Workbook> workbooks() {
        Arbitrary<List<Integer>> years = Arbitraries.integers().between(2000, 2024).list().ofMinSize(1).ofMaxSize(5)
                .uniqueElements();
        Arbitrary<Cell> cells = Arbitraries.oneOf(
                Arbitraries.just(new Cell(null, false)), Arbitraries.just(new Cell(":", false)),
                Arbitraries.integers().between(0, 1000).map(n -> new Cell(n / 10.0, true)),
                Arbitraries.just(new Cell(150, false)), Arbitraries.just(new Cell(-3, false)),
                Arbitraries.just(new Cell("about 40", false)));
        Arbitrary<Line> lines = Combinators.combine(Arbitraries.of("Ireland", "Ireland *", "Belgium", "Atlantis", ""),
                cells.list().ofMaxSize(5)).as(Line::new);
        Arbitrary<List<Line>> table = lines.list().ofMaxSize(6).uniqueElements(l -> l.ireland() ? "IE" : l.name());
        return Combinators.combine(years, table, Arbitraries.of(true, true, true, false),
                Arbitraries.of(false, false, false, true)).as(Workbook::new);
    }

    /** Ireland's valid cells by period. */
    private static Map<String, BigDecimal> expected(Workbook workbook) {
        Map<String, BigDecimal> expected = new java.util.TreeMap<>();
        for (Line line : workbook.lines()) {
            for (int i = 0; line.ireland() && i < Math.min(line.cells().size(), workbook.years().size()); i++) {
                Cell cell = line.cells().get(i);
                if (cell.valid()) {
                    expected.put(Integer.toString(workbook.years().get(i)), new BigDecimal(cell.written().toString()));
                }
            }
        }
        return expected;
    }

    private static long submissions() {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(REPORTER, "submitter"))
                .get("/api/v1/submissions?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static byte[] write(Workbook workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Coverage");
            sheet.createRow(0).createCell(0).setCellValue("Health and social responses > OST coverage");
            Row header = sheet.createRow(1);
            header.createCell(0).setCellValue("Country");
            for (int i = 0; i < workbook.years().size(); i++) {
                header.createCell(i + 1).setCellValue(workbook.years().get(i));
            }
            for (int r = 0; r < workbook.lines().size(); r++) {
                Line line = workbook.lines().get(r);
                Row row = sheet.createRow(r + 2);
                row.createCell(0).setCellValue(line.name());
                for (int c = 0; c < Math.min(line.cells().size(), workbook.years().size()); c++) {
                    Object value = line.cells().get(c).written();
                    if (value instanceof Number n) {
                        row.createCell(c + 1).setCellValue(n.doubleValue());
                    } else if (value != null) {
                        row.createCell(c + 1).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            byte[] bytes = out.toByteArray();
            return workbook.truncated() ? Arrays.copyOf(bytes, bytes.length / 2) : bytes;
        }
    }
}
