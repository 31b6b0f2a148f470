package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 20: every spreadsheet of the Statistical Bulletin in ../shared/datasets, posted unchanged through the
 * gateway by each reporter that owns rows of it (a Member State may submit only its own), yields exactly the
 * values of its table; a broken cell is a conflict naming its sheet, row and column; a template downloaded
 * from the catalogue, filled in, posts back unchanged. What the files hold is read by an independent reader
 * (submissions-service/src/test/resources/xlsx/published_cells.py).
 */
@ExtendWith(SharedSuiteExtension.class)
class SpreadsheetsThroughGatewayTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DATASETS = Path.of(System.getenv().getOrDefault("DATASETS_DIR",
            ROOT.resolve("../shared/datasets").toString())).toAbsolutePath().normalize();
    private static final Path READER = ROOT.resolve("submissions-service/src/test/resources/xlsx/published_cells.py");
    private static final Set<String> SEX_COLUMNS = Set.of("Males", "Females", "Total");
    /**
     * Reporters other e2e classes own with "nothing stored" or "exactly what this class sent" invariants (the
     * hostile corpus: MT, CY, SI; the generated requests: HR, LV, LT, NO, PT, RO, FI, TR): their rows of the
     * tables are left to them.
     */
    private static final Set<String> OWNED_ELSEWHERE = Set.of("MT", "CY", "SI", "HR", "LV", "LT", "NO", "PT", "RO",
            "FI", "TR");

    private static Suite suite;
    private static Map<String, String> countries;
    private static Set<String> reporters;

    record Cell(String sheet, String ref, String country, String header, String value, boolean note) {

        int row() {
            return Integer.parseInt(ref.replaceAll("[A-Z]", ""));
        }
    }

    @BeforeAll
    static void useTheSharedSuite(Suite shared) {
        assumeTrue(Files.isDirectory(DATASETS.resolve("emcdda-statistical-bulletin-2019/xlsx")), "no shared datasets");
        suite = shared;
        countries = new HashMap<>();
        JsonPath areas = given().baseUri(suite.gatewayUrl()).get("/api/v1/codelists/REF_AREA").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> codes = areas.getList("codes");
        for (Map<String, Object> code : codes) {
            countries.put((String) code.get("label"), (String) code.get("code"));
            Object names = ((Map<?, ?>) code.get("properties")).get("names");
            if (names instanceof List<?> list) {
                list.forEach(name -> countries.putIfAbsent((String) name, (String) code.get("code")));
            }
        }
        reporters = given().baseUri(suite.gatewayUrl()).get("/api/v1/reporters").then().statusCode(200).extract()
                .jsonPath().<Map<String, String>>getList("").stream()
                .filter(r -> !r.get("kind").equals("AGENCY")).map(r -> r.get("code")).collect(Collectors.toSet());
    }

    /** Each file, the measure given as a parameter, and the dimensions the table's title must give. */
    static Stream<Arguments> tables() {
        String dlo = "PI01.DRUG_LAW_OFFENCES_BY_DRUG";
        Map<String, String> prevalence = Map.of("RECALL_PERIOD", "LAST_YEAR", "AGE", "Y15-64");
        return Stream.of(
                Arguments.of("emcdda-statistical-bulletin-2019/xlsx/cannabisSuppliers.xlsx", "?measure=" + dlo,
                        Map.of("SUBSTANCE", "CANNABIS", "OFFENCE_TYPE", "SUPPLY")),
                Arguments.of("emcdda-statistical-bulletin-2019/xlsx/cocaineSuppliers.xlsx", "?measure=" + dlo,
                        Map.of("SUBSTANCE", "COCAINE_HCL", "OFFENCE_TYPE", "SUPPLY")),
                Arguments.of("emcdda-statistical-bulletin-2019/xlsx/cannabisUsers.xlsx", "?measure=" + dlo,
                        Map.of("SUBSTANCE", "CANNABIS", "OFFENCE_TYPE", "USE")),
                Arguments.of("emcdda-statistical-bulletin-2019/xlsx/methadoneClients.xlsx",
                        "?measure=PI10.OST_CLIENTS&MEDICATION=METHADONE", Map.of("MEDICATION", "METHADONE")),
                Arguments.of("emcdda-statistical-bulletin-2019/xlsx/syringesProvision.xlsx", "?measure=PI10.NSP_SYRINGES",
                        Map.of()),
                Arguments.of("emcdda-statistical-bulletin-2020/Cannabis.xlsx", "?measure=PI07.PREVALENCE",
                        with(prevalence, "SUBSTANCE", "CANNABIS")),
                Arguments.of("euda-statistical-bulletin-2024/Cannabis.xlsx", "?measure=PI07.PREVALENCE",
                        with(prevalence, "SUBSTANCE", "CANNABIS")),
                Arguments.of("euda-statistical-bulletin-2024/Cocaine.xlsx", "?measure=PI07.PREVALENCE",
                        with(prevalence, "SUBSTANCE", "COCAINE")),
                Arguments.of("euda-statistical-bulletin-2024/Amphetamines.xlsx", "?measure=PI07.PREVALENCE",
                        with(prevalence, "SUBSTANCE", "AMPHETAMINE")),
                Arguments.of("euda-statistical-bulletin-2024/Ecstasy.xlsx", "?measure=PI07.PREVALENCE",
                        with(prevalence, "SUBSTANCE", "MDMA")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void each_reporter_posting_the_file_unchanged_stores_exactly_its_rows_of_the_table(String file, String query,
                                                                                       Map<String, String> fixed)
            throws Exception {
        Path path = DATASETS.resolve(file);
        byte[] body = Files.readAllBytes(path);
        List<Cell> cells = cells(path);
        Map<String, Map<String, BigDecimal>> expected = expected(cells, fixed);
        String measure = query.replaceAll("^\\?measure=([^&]+).*$", "$1");

        List<String> submissions = new java.util.ArrayList<>();
        for (Map.Entry<String, Map<String, BigDecimal>> country : expected.entrySet()) {
            submissions.add(given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(country.getKey(), "submitter"))
                    .contentType(XLSX).body(body).post("/api/v1/submissions" + query)
                    .then().statusCode(201).body("accepted", equalTo(country.getValue().size())).extract().path("id"));
        }
        Review.release(suite.gatewayUrl(), submissions);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map.Entry<String, Map<String, BigDecimal>> country : expected.entrySet()) {
                assertThat(stored(measure, country.getKey(), fixed.keySet())).as(file + " " + country.getKey())
                        .containsAllEntriesOf(country.getValue());
            }
        });
    }

    @Test
    void a_broken_cell_of_a_wide_table_is_a_conflict_naming_its_sheet_row_and_column() throws IOException {
        byte[] broken;
        try (InputStream in = Files.newInputStream(DATASETS.resolve("emcdda-statistical-bulletin-2019/xlsx/methadoneClients.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(6).getCell(3).setCellValue("n/a"); // D7: Bulgaria, 2015
            workbook.write(out);
            broken = out.toByteArray();
        }

        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("BG", "submitter"))
                .contentType(XLSX).body(broken).post("/api/v1/submissions?measure=PI10.OST_CLIENTS&MEDICATION=METHADONE&dryRun=true")
                .then().statusCode(200)
                .body("conflicts.find { it.row == \"'HSR-3-2'!D7\" }.code", equalTo("VALUE_NOT_FINITE"))
                .body("conflicts.find { it.row == \"'HSR-3-2'!D7\" }.field", equalTo("value"));
    }

    @Test
    void a_downloaded_template_filled_in_posts_back_unchanged() throws IOException {
        byte[] template = given().baseUri(suite.gatewayUrl())
                .get("/api/v1/measures/PI10.OST_CLIENTS/template.xlsx?MEDICATION=BUPRENORPHINE")
                .then().statusCode(200).extract().asByteArray();
        Map<String, BigDecimal> filled = new TreeMap<>();
        byte[] body;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = rowStartingWith(sheet, "Country");
            Row luxembourg = rowStartingWith(sheet, "Luxembourg");
            for (int c = 1; c < header.getLastCellNum(); c += 2) {
                BigDecimal value = BigDecimal.valueOf(100 + c);
                luxembourg.createCell(c).setCellValue(value.doubleValue());
                filled.put(header.getCell(c).getStringCellValue(), value);
            }
            workbook.write(out);
            body = out.toByteArray();
        }

        String id = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("LU", "submitter"))
                .contentType(XLSX).body(body).post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(filled.size())).body("rejected", equalTo(0))
                .extract().path("id");
        Review.release(suite.gatewayUrl(), id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stored("PI10.OST_CLIENTS", "LU",
                Set.of("MEDICATION"))).containsAllEntriesOf(prefixed("MEDICATION=BUPRENORPHINE|", filled)));
    }

    /** Per reporting country, period and dimensions ("2017|MEDICATION=METHADONE") to the value of the file. */
    private static Map<String, Map<String, BigDecimal>> expected(List<Cell> cells, Map<String, String> fixed) {
        Map<String, Map<String, BigDecimal>> expected = new TreeMap<>();
        for (Cell cell : cells) {
            String code = countries.get(cell.country());
            boolean prevalence = SEX_COLUMNS.contains(cell.header());
            if (code == null || !reporters.contains(code) || OWNED_ELSEWHERE.contains(code)
                    || !(prevalence || cell.header().matches("\\d{4}"))) {
                continue;
            }
            Map<String, String> dimensions = new TreeMap<>(fixed);
            String period = cell.header();
            if (prevalence) {
                dimensions.put("SEX", cell.header().substring(0, 1));
                period = cells.stream().filter(c -> c.row() == cell.row() && c.header().equals("Year")).findFirst()
                        .orElseThrow().value();
            }
            expected.computeIfAbsent(code, c -> new TreeMap<>()).put(key(period, dimensions), new BigDecimal(cell.value()));
        }
        return expected;
    }

    private static Map<String, BigDecimal> stored(String measure, String area, Set<String> dimensionNames) {
        JsonPath data = given().baseUri(suite.gatewayUrl()).queryParam("area", area).get("/api/v1/data/" + measure)
                .then().statusCode(200).extract().jsonPath();
        Map<String, BigDecimal> values = new TreeMap<>();
        List<Map<String, Object>> series = data.getList("series");
        for (Map<String, Object> one : series) {
            @SuppressWarnings("unchecked")
            Map<String, String> dimensions = new TreeMap<>((Map<String, String>) one.get("dimensions"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> observations = (List<Map<String, Object>>) one.get("observations");
            for (Map<String, Object> observation : observations) {
                values.put(key((String) observation.get("period"), dimensions),
                        new BigDecimal(String.valueOf(observation.get("value"))));
            }
        }
        return values;
    }

    private static String key(String period, Map<String, String> dimensions) {
        return new TreeMap<>(dimensions).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")) + "|" + period;
    }

    private static Map<String, BigDecimal> prefixed(String dimensions, Map<String, BigDecimal> byPeriod) {
        Map<String, BigDecimal> keyed = new TreeMap<>();
        byPeriod.forEach((period, value) -> keyed.put(dimensions + period, value));
        return keyed;
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("the template has no row starting with " + text);
    }

    private static Map<String, String> with(Map<String, String> base, String name, String code) {
        Map<String, String> all = new TreeMap<>(base);
        all.put(name, code);
        return all;
    }

    private static List<Cell> cells(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", READER.toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new ObjectMapper().readValue(out, new TypeReference<List<Cell>>() { });
    }
}
