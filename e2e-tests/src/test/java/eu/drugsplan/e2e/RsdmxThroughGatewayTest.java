package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * R's rsdmx (Debian's {@code r-cran-rsdmx}; {@code deploy/local/test.sh} installs it when absent) reading the suite
 * through the gateway: {@code src/test/r/rsdmx-reads-the-suite.R} reads dataflows, the data structure, a code list
 * and data into data frames the way an R user does, and writes what it read; this class submitted Finland's
 * drug-induced deaths and compares. rsdmx reads SDMX-ML only, sends {@code Accept: application/xml} and builds
 * URLs with a trailing slash: our own tests did none of that. The script also reads one value of every measure
 * ({@link EveryMeasure}, the agencies' measures included) through that measure's own dataflow.
 */
@ExtendWith(SharedSuiteExtension.class)
class RsdmxThroughGatewayTest {

    private static final Path SCRIPT = Path.of("src/test/r/rsdmx-reads-the-suite.R");
    private static final String AREA = "FI";

    private static Suite suite;
    private static List<EveryMeasure.Value> everyMeasure;

    @BeforeAll
    static void submit(Suite shared) throws IOException {
        suite = shared;
        everyMeasure = EveryMeasure.submittedTo(suite);
        String id = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(AREA, "submitter"))
                .contentType(ContentType.JSON).body("""
                        {"observations": [
                          {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "FI", "period": "2015", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 170},
                          {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "FI", "period": "2016", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 182},
                          {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "FI", "period": "2017", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 195, "status": "P"},
                          {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "FI", "period": "2016", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 41},
                          {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "FI", "period": "2017", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 47}
                        ]}""")
                .post("/api/v1/submissions").then().statusCode(201).body("accepted", org.hamcrest.Matchers.equalTo(5))
                .extract().path("id");
        Review.release(suite.gatewayUrl(), id);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().baseUri(suite.gatewayUrl()).queryParam("area", AREA).get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS")
                        .jsonPath().getList("series.observations.flatten()").size() >= 5);
    }

    @Test
    void rsdmx_reads_dataflows_the_structure_codes_and_the_submitted_values() throws Exception {
        Path out = Files.createTempDirectory("rsdmx");
        Map<String, String> calls = runScript(out);
        long working = calls.values().stream().filter("OK"::equals).count();
        System.out.printf("rsdmx: %d of %d calls work%n", working, calls.size());
        calls.forEach((name, outcome) -> {
            if (!"OK".equals(outcome)) {
                System.out.printf("  FAILS %s: %s%n", name, outcome);
            }
        });
        assertThat(calls).as("the script's calls").hasSize(9);

        List<String> mismatches = new ArrayList<>();
        check(mismatches, "dataflows", () -> assertThat(column(out, "dataflows.csv", "id"))
                .contains("PI09_DRUG_INDUCED_DEATHS", "PI01_DRUG_RELATED_HOMICIDES"));
        // the values of every dataflow rsdmx lists are read below: the agencies' measures as well
        check(mismatches, "every dataflow listed is read", () -> assertThat(column(out, "dataflows.csv", "id"))
                .containsExactlyInAnyOrderElementsOf(everyMeasure.stream().map(EveryMeasure.Value::dataflow).toList()));
        check(mismatches, "dimensions", () -> assertThat(column(out, "dimensions.csv", "id"))
                .containsExactly("REF_AREA", "SEX", "AGE"));
        check(mismatches, "sex codes", () -> assertThat(column(out, "codes-sex.csv", "id")).contains("M", "F"));
        check(mismatches, "age codes", () -> assertThat(column(out, "codes-age.csv", "id")).contains("TOTAL", "Y15-64"));
        check(mismatches, "data by key", () -> assertThat(values(out, "data-key.csv")).isEqualTo(Map.of(
                "FI.M.TOTAL", Map.of("2015", 170.0, "2016", 182.0, "2017", 195.0))));
        check(mismatches, "data with + and a range", () -> assertThat(values(out, "data-range.csv")).isEqualTo(Map.of(
                "FI.M.TOTAL", Map.of("2016", 182.0, "2017", 195.0), "FI.F.TOTAL", Map.of("2016", 41.0, "2017", 47.0))));
        check(mismatches, "data with an empty key part", () -> assertThat(values(out, "data-wildcard.csv"))
                .containsOnlyKeys("FI.M.TOTAL", "FI.F.TOTAL"));
        check(mismatches, "labelled data", () -> assertThat(column(out, "data-labelled.csv", "obsValue"))
                .containsExactlyInAnyOrder("41", "47"));
        check(mismatches, "provider data", () -> assertThat(values(out, "data-provider.csv")).isEqualTo(Map.of(
                "FI.M.TOTAL", Map.of("2016", 182.0, "2017", 195.0))));
        check(mismatches, "one value of every measure through its own dataflow", () -> assertThat(
                records(out.resolve("every-measure.csv")).stream().map(r -> r.getField("flow") + "/" + r.getField("key")
                        + "@" + r.getField("obsTime") + "=" + Double.valueOf(r.getField("obsValue"))).toList())
                .containsExactlyInAnyOrderElementsOf(everyMeasure.stream().map(v -> v.dataflow() + "/" + v.key() + "@"
                        + EveryMeasure.PERIOD + "=" + (double) v.value()).toList()));
        mismatches.forEach(m -> System.out.printf("  WRONG %s%n", m));

        assertThat(calls).as("rsdmx calls that fail").allSatisfy((name, outcome) -> assertThat(outcome).isEqualTo("OK"));
        assertThat(mismatches).as("what rsdmx read against what was submitted").isEmpty();
    }

    /** Runs the script; its calls by name, "OK" or the failure it printed. */
    private static Map<String, String> runScript(Path out) throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/Rscript")).as("Rscript (apt-get install r-cran-rsdmx; deploy/local/test.sh does it)")
                .exists();
        Path log = out.resolve("rsdmx.log");
        Path series = out.resolve("series.csv");
        Files.writeString(series, "flow,key,period\n" + everyMeasure.stream()
                .map(v -> v.dataflow() + "," + v.key() + "," + EveryMeasure.PERIOD + "\n").collect(Collectors.joining()));
        Process r = new ProcessBuilder("/usr/bin/Rscript", SCRIPT.toString(), suite.gatewayUrl(), out.toString(), AREA,
                series.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!r.waitFor(180, TimeUnit.SECONDS)) {
            r.destroyForcibly();
            throw new AssertionError("rsdmx script still running after 180 s; see " + log);
        }
        Map<String, String> calls = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("CALL ")) {
                int ok = line.lastIndexOf(" OK");
                int fail = line.indexOf(" FAIL ");
                if (fail > 0) {
                    calls.put(line.substring(5, fail), line.substring(fail + 6).strip());
                } else if (ok > 0) {
                    calls.put(line.substring(5, ok), "OK");
                }
            }
        }
        assertThat(r.exitValue()).as("Rscript's exit status; output in %s:%n%s", log, Files.readString(log)).isZero();
        return calls;
    }

    private static void check(List<String> mismatches, String what, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            mismatches.add(what + ": " + e.getMessage().strip());
        }
    }

    private static List<String> column(Path out, String file, String column) {
        return records(out.resolve(file)).stream().map(r -> r.getField(column)).toList();
    }

    /** Series key (REF_AREA.SEX.AGE) to period to value of a data frame rsdmx wrote. */
    private static Map<String, Map<String, Double>> values(Path out, String file) {
        Map<String, Map<String, Double>> series = new TreeMap<>();
        for (NamedCsvRecord r : records(out.resolve(file))) {
            String key = r.getField("REF_AREA") + "." + r.getField("SEX") + "." + r.getField("AGE");
            series.computeIfAbsent(key, k -> new TreeMap<>()).put(r.getField("obsTime"), Double.valueOf(r.getField("obsValue")));
        }
        return series;
    }

    private static List<NamedCsvRecord> records(Path file) {
        if (!Files.exists(file)) {
            throw new AssertionError("rsdmx wrote no " + file.getFileName());
        }
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
