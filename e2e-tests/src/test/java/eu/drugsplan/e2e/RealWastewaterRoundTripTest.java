package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import eu.drugsplan.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-data round trip: the EUDA waste-water file is loaded through the gateway by the dataset loader
 * (tools/dataset-loader, as deploy/local/load-datasets.sh runs it), as EUDA, and every series of every site
 * and metabolite reads back through the public data API with exactly the values of the file, and its trend
 * carries the year-on-year label EUDA publishes. Only the waste-water file is loaded: the country-level
 * bulletin data would overlap the other end-to-end tests.
 */
class RealWastewaterRoundTripTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** As deploy/local/load-datasets.sh: $DATASETS_DIR, else ../shared/datasets beside the repository. */
    private static final Path DATASETS = Path.of(System.getenv().getOrDefault("DATASETS_DIR",
            ROOT.resolve("../shared/datasets").toString())).toAbsolutePath().normalize();
    private static final Path WASTEWATER_FILE = DATASETS.resolve("euda-wastewater-2025/ww2025-all-data.csv");
    private static final Path LOADER = ROOT.resolve("tools/dataset-loader/target");
    private static final String MEASURE = "PI02.WASTEWATER_LOAD";
    /** EUDA publishes its labels on the daily mean, the column of this name. */
    private static final String DAILY_MEAN = "Daily mean";
    /** EUDA: "stable" when the change from the previous year is under 10 % in absolute value. */
    private static final BigDecimal EUDA_STABLE_BAND_PERCENT = BigDecimal.TEN;
    /** 215 sites, 1,092 site and metabolite series in the 2025 release; far fewer would mean a broken load. */
    private static final int AT_LEAST_SERIES = 1000;

    private static Suite suite;
    private static Result load;

    @BeforeAll
    static void loadTheFileIntoTheSharedSuite() throws Exception {
        assumeTrue(Files.isRegularFile(WASTEWATER_FILE), "the shared datasets are not here");
        // the full build packages tools/dataset-loader before e2e-tests; a run of e2e-tests alone may not have it
        assumeTrue(Files.exists(LOADER.resolve("dataset-loader.jar")), "tools/dataset-loader is not packaged");
        // taken only once the file and the loader are known to be here: a skipped class starts nothing
        suite = SharedSuite.get();
        Path tokens = Files.createTempFile("dataset-loader-tokens", ".properties");
        Files.writeString(tokens, "EUDA=" + Tokens.forReporter("EUDA", "submitter") + "\n");
        load = runLoader(List.of("--tokens", tokens.toString(), "--only-wastewater", "--wait", "240"));
    }

    @Test
    void every_wastewater_value_of_every_site_and_metabolite_reads_back_exactly_as_in_the_file() throws Exception {
        assertThat(load.output()).contains("Prepared ", "waste water: ", "Round trip OK");
        assertThat(load.output()).doesNotContain("Rejected by the API");
        assertThat(load.exitCode()).as(load.output()).isZero();

        // the check alone, on what is stored now, agrees too
        Result verify = runLoader(List.of("--verify", "--only-wastewater", "--wait", "0"));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
    }

    @Test
    void every_site_and_metabolite_trend_carries_the_year_on_year_label_euda_publishes() throws Exception {
        assertThat(load.exitCode()).as(load.output()).isZero();
        Map<SeriesId, FileSeries> expected = dailyMeansOfTheFile();
        Map<String, String> substances = codesByWastewaterName("SUBSTANCE");
        String dailyMean = codesByWastewaterName("STAT").get(DAILY_MEAN);
        assertThat(dailyMean).as("the STAT code of '" + DAILY_MEAN + "'").isNotNull();

        Map<SeriesId, Map<String, Object>> served = awaitTrendsReflecting(expected, substances, dailyMean);

        List<String> disagreements = new ArrayList<>();
        Map<Label, Integer> counts = new EnumMap<>(Label.class);
        expected.forEach((id, series) -> {
            Label euda = series.eudaLabel();
            counts.merge(euda, 1, Integer::sum);
            Map<String, Object> yearOnYear = nested(served.get(id), "yearOnYear");
            String ours = String.valueOf(yearOnYear.get("label"));
            if (!euda.name().equals(ours)) {
                disagreements.add(id + " " + series.previousValue() + " -> " + series.latestValue() + " ("
                        + series.latestYear() + "): EUDA " + euda + ", served " + ours + " at "
                        + yearOnYear.get("percentChange") + " %");
            }
        });
        System.out.println("EUDA year-on-year labels compared on " + expected.size() + " site and metabolite series: "
                + counts);

        assertThat(disagreements).as("series whose label is not EUDA's").isEmpty();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(AT_LEAST_SERIES);
        // every kind of label is exercised, the zero-base rules among them
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Label.values());
        assertThat(expected.values()).anyMatch(s -> s.eudaLabel() == Label.STABLE && isZero(s.previousValue()))
                .anyMatch(s -> s.eudaLabel() == Label.INCREASE && isZero(s.previousValue()))
                .anyMatch(s -> s.eudaLabel() == Label.DECREASE && isZero(s.latestValue()));
    }

    /**
     * Issue 18: the scoreboard counts the headline series - one per site and metabolite, the daily mean (1,092
     * in the 2025 release) - not every statistic of the same weeks (10,870 with the weekday, weekend and day
     * values); {@code series=all} still counts those. Of the other classes only {@link EveryMeasure} sends waste
     * water, one value for Greece that is no headline series: it is counted with all series, not with the headline.
     */
    @Test
    void the_scoreboard_counts_one_daily_mean_series_per_site_and_metabolite() throws Exception {
        assertThat(load.exitCode()).as(load.output()).isZero();
        Map<SeriesId, FileSeries> expected = dailyMeansOfTheFile();
        Map<String, String> substances = codesByWastewaterName("SUBSTANCE");
        awaitTrendsReflecting(expected, substances, codesByWastewaterName("STAT").get(DAILY_MEAN));
        String series = "indicators.find { it.indicator == 'PI02' }.measures.find { it.measure == '" + MEASURE
                + "' }.counts.series";

        int headline = given().baseUri(suite.gatewayUrl()).get("/api/v1/scoreboard").then().statusCode(200)
                .extract().jsonPath().getInt(series);
        int[] all = new int[1];
        // the other statistics' trends follow the load asynchronously too
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            Response response = given().baseUri(suite.gatewayUrl()).queryParam("series", "all").get("/api/v1/scoreboard");
            all[0] = response.statusCode() == 200 ? response.jsonPath().getInt(series) : -1;
            return all[0] == seriesOfAnyStatisticInTheFile() + seriesOfOtherClasses();
        });
        System.out.println("Scoreboard of " + MEASURE + ": " + headline + " headline series, " + all[0] + " in all");

        assertThat(headline).isEqualTo(expected.size());
    }

    /**
     * Issue 18: the summary of the measure holds exactly the headline series (one per site and metabolite), each with
     * its area's kind; it is compressed by the gateway, conditional, and a page larger than the maximum is refused.
     */
    @Test
    void the_wastewater_summary_holds_every_headline_series_compressed_and_conditional() throws Exception {
        assertThat(load.exitCode()).as(load.output()).isZero();
        Map<SeriesId, FileSeries> expected = dailyMeansOfTheFile();
        String dailyMean = codesByWastewaterName("STAT").get(DAILY_MEAN);
        awaitTrendsReflecting(expected, codesByWastewaterName("SUBSTANCE"), dailyMean);
        String path = "/api/v1/summaries/measures/" + MEASURE;

        Response plain = given().baseUri(suite.gatewayUrl()).header("Accept-Encoding", "identity").get(path);
        assertThat(plain.statusCode()).isEqualTo(200);
        JsonPath summary = plain.jsonPath();
        assertThat(summary.getInt("page.total")).isEqualTo(expected.size());
        assertThat(summary.getList("series")).hasSize(expected.size());
        assertThat(summary.getList("series.dimensions.STAT")).containsOnly(dailyMean);
        // the sites outside the EU (Australia, Canada, the United States ...) are said to be so
        assertThat(summary.getList("series.group")).contains("EU_MEMBER_STATE", "OTHER_COUNTRY");

        long plainBytes = plain.asByteArray().length;
        long gzipBytes = gzipBytes(path);
        long trendPlain = given().baseUri(suite.gatewayUrl()).header("Accept-Encoding", "identity")
                .get("/api/v1/trends/" + MEASURE).asByteArray().length;
        long trendGzip = gzipBytes("/api/v1/trends/" + MEASURE);
        System.out.println("Summary of " + MEASURE + ": " + plainBytes + " bytes, " + gzipBytes + " gzip-compressed; "
                + "its trend list's first page (500 series): " + trendPlain + " bytes, " + trendGzip + " compressed");
        assertThat(gzipBytes).isLessThan(plainBytes / 4);

        String tag = plain.getHeader("ETag");
        assertThat(given().baseUri(suite.gatewayUrl()).header("If-None-Match", tag).get(path).statusCode())
                .isEqualTo(304);
        given().baseUri(suite.gatewayUrl()).queryParam("size", 2001).get(path).then().statusCode(400)
                .contentType("application/problem+json");
        given().baseUri(suite.gatewayUrl()).queryParam("size", 501).get("/api/v1/trends/" + MEASURE).then()
                .statusCode(400).contentType("application/problem+json");
    }

    /** Issue 18: /?measure=PI02.WASTEWATER_LOAD renders, from the summary, within a minute and half a megabyte. */
    @Test
    void the_dashboard_renders_the_wastewater_measure_in_chromium() throws Exception {
        assertThat(load.exitCode()).as(load.output()).isZero();
        awaitTrendsReflecting(dailyMeansOfTheFile(), codesByWastewaterName("SUBSTANCE"),
                codesByWastewaterName("STAT").get(DAILY_MEAN));

        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            DashboardPage page = DashboardPage.open(browser, suite.gatewayUrl() + "/?measure=" + MEASURE,
                    Duration.ofSeconds(60));
            System.out.println(DashboardPage.describe("waste-water measure view", page));
            page.screenshot("wastewater-measure");

            assertThat(page.view("data-state")).isEqualTo("rendered");
            int shown = Integer.parseInt(page.view("data-series"));
            assertThat(shown).isPositive();
            assertThat(page.count("details[data-table-for='ranked'] tbody tr")).isEqualTo(shown);
            assertThat(page.evaluate("document.querySelector(\"[data-chart='ranked']\").closest('figure')"
                    + ".dataset.bars").asText()).isEqualTo(String.valueOf(Math.min(30, shown)));
            int outside = Integer.parseInt(page.view("data-outside-eu"));
            assertThat(page.count("details[data-table-for='ranked'] tbody tr:not([data-group='EU_MEMBER_STATE'])"))
                    .isEqualTo(outside);
            assertThat(page.view("data-eu-total")).isEqualTo("none");
            // the sites as points at the site table's coordinates; those outside Europe named under the map
            String map = "document.querySelector(\"[data-chart='map']\").closest('figure').dataset.";
            int points = Integer.parseInt(page.evaluate(map + "points").asText());
            int unplaced = Integer.parseInt(page.evaluate(map + "unplaced").asText());
            assertThat(points).isPositive();
            int placed = points + unplaced + Integer.parseInt(page.evaluate(map + "filled").asText());
            assertThat(placed).isLessThanOrEqualTo(shown);
            assertThat(page.count("details[data-table-for='map'] tbody tr")).isEqualTo(placed);
            assertThat(page.bytesTransferred()).isLessThan(500_000);
            assertThat(page.seriousAccessibilityViolations()).isEmpty();
        }
    }

    private static long gzipBytes(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(suite.gatewayUrl() + path))
                        .header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        return answer.body().length;
    }

    /** The waste-water series other classes stored (EveryMeasure's, for its area), as the data API has them. */
    private static int seriesOfOtherClasses() {
        return given().baseUri(suite.gatewayUrl()).queryParam("area", EveryMeasure.AREA).get("/api/v1/data/" + MEASURE)
                .then().statusCode(200).extract().jsonPath().getList("series").size();
    }

    /** Site, metabolite and statistic column with at least one value in the file. */
    private static int seriesOfAnyStatisticInTheFile() throws IOException {
        List<String> statistics = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday", "Weekday mean", "Weekend mean", DAILY_MEAN);
        java.util.Set<String> series = new java.util.HashSet<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(WASTEWATER_FILE)) {
            for (NamedCsvRecord row : reader) {
                for (String statistic : statistics) {
                    String value = row.getField(statistic).trim();
                    if (!value.isEmpty() && !value.equalsIgnoreCase("NA")) {
                        series.add(row.getField("Site ID").trim() + "/" + row.getField("Metabolite").trim() + "/"
                                + statistic);
                    }
                }
            }
        }
        return series.size();
    }

    /**
     * The trends of every expected series once each reflects the file: its latest period is the file's latest
     * year and it has as many points as the file has daily means (the trends follow the load asynchronously).
     */
    private static Map<SeriesId, Map<String, Object>> awaitTrendsReflecting(Map<SeriesId, FileSeries> expected,
                                                                          Map<String, String> substances,
                                                                          String dailyMean) {
        Map<SeriesId, Map<String, Object>> served = new HashMap<>();
        List<String> lagging = new ArrayList<>();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(3))
                .conditionEvaluationListener(c -> {
                    if (!c.isSatisfied()) {
                        System.out.println(lagging.size() + " waste-water trends not there yet, e.g. "
                                + lagging.stream().limit(3).toList());
                    }
                })
                .until(() -> {
                    served.clear();
                    for (String metabolite : new java.util.TreeSet<>(substances.keySet())) {
                        served.putAll(trends(metabolite, substances.get(metabolite), dailyMean));
                    }
                    lagging.clear();
                    expected.forEach((id, series) -> {
                        Map<String, Object> trend = served.get(id);
                        if (trend == null || ((Number) trend.get("pointCount")).intValue() != series.values().size()
                                || !String.valueOf(series.latestYear()).equals(nested(trend, "latest").get("period"))) {
                            lagging.add(id.toString());
                        }
                    });
                    return lagging.isEmpty();
                });
        return served;
    }

    private static Map<SeriesId, Map<String, Object>> trends(String metabolite, String substance, String stat) {
        Response response = given().baseUri(suite.gatewayUrl()).queryParam("SUBSTANCE", substance)
                .queryParam("STAT", stat).get("/api/v1/trends/" + MEASURE);
        Map<SeriesId, Map<String, Object>> byId = new HashMap<>();
        if (response.statusCode() != 200) {
            // the gateway's rate limit may ask us to slow down: the next poll tries again
            return byId;
        }
        JsonPath body = response.jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        List<Map<String, Object>> trends = body.getList("trends");
        trends.forEach(t -> byId.put(new SeriesId((String) t.get("area"), metabolite), t));
        return byId;
    }

    /** The codes of a code list by the name the waste-water file gives them (the catalogue's "wastewater" property). */
    private static Map<String, String> codesByWastewaterName(String codelist) {
        List<Map<String, Object>> codes = given().baseUri(suite.gatewayUrl()).get("/api/v1/codelists/" + codelist)
                .then().statusCode(200).extract().jsonPath().getList("codes");
        Map<String, String> byName = new HashMap<>();
        codes.forEach(code -> {
            Object name = code.get("properties") instanceof Map<?, ?> properties ? properties.get("wastewater") : null;
            if (name instanceof String text) {
                byName.put(text, (String) code.get("code"));
            }
        });
        return byName;
    }

    /** The daily mean of every site, metabolite and year, read straight from the file. */
    private static Map<SeriesId, FileSeries> dailyMeansOfTheFile() throws IOException {
        Map<SeriesId, FileSeries> series = new TreeMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(WASTEWATER_FILE)) {
            for (NamedCsvRecord row : reader) {
                String value = row.getField(DAILY_MEAN).trim();
                if (value.isEmpty() || value.equalsIgnoreCase("NA")) {
                    continue;
                }
                SeriesId id = new SeriesId(row.getField("Site ID").trim(), row.getField("Metabolite").trim());
                int year = new BigDecimal(row.getField("Year").trim()).intValueExact();
                BigDecimal previous = series.computeIfAbsent(id, k -> new FileSeries(new TreeMap<>())).values()
                        .put(year, new BigDecimal(value));
                assertThat(previous).as(id + " " + year + " twice in the file").isNull();
            }
        }
        return series;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> trend, String field) {
        return (Map<String, Object>) trend.get(field);
    }

    private static boolean isZero(BigDecimal value) {
        return value != null && value.signum() == 0;
    }

    private static Result runLoader(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-cp",
                LOADER.resolve("dataset-loader.jar") + java.io.File.pathSeparator + LOADER.resolve("lib") + "/*",
                "eu.drugsplan.loader.DatasetLoader", DATASETS.toString(), "--gateway", suite.gatewayUrl()));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }

    private enum Label { INCREASE, DECREASE, STABLE, NO_PREVIOUS_DATA }

    private record SeriesId(String site, String metabolite) implements Comparable<SeriesId> {
        @Override
        public int compareTo(SeriesId other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return site + "/" + metabolite;
        }
    }

    /** The daily means of one site and metabolite by year, exactly as written in the file. */
    private record FileSeries(TreeMap<Integer, BigDecimal> values) {

        int latestYear() {
            return values.lastKey();
        }

        BigDecimal latestValue() {
            return values.lastEntry().getValue();
        }

        BigDecimal previousValue() {
            return values.get(latestYear() - 1);
        }

        /** EUDA's rule, in exact decimals: |change| under 10 % of the previous year's value is stable. */
        Label eudaLabel() {
            BigDecimal previous = previousValue();
            if (previous == null) {
                return Label.NO_PREVIOUS_DATA;
            }
            BigDecimal change = latestValue().subtract(previous);
            if (previous.signum() == 0) {
                return change.signum() == 0 ? Label.STABLE : change.signum() > 0 ? Label.INCREASE : Label.DECREASE;
            }
            // |change| / |previous| * 100 < 10 without a division, so that no rounding can move a boundary case
            if (change.abs().multiply(BigDecimal.valueOf(100))
                    .compareTo(EUDA_STABLE_BAND_PERCENT.multiply(previous.abs())) < 0) {
                return Label.STABLE;
            }
            return change.signum() > 0 ? Label.INCREASE : Label.DECREASE;
        }
    }

    private record Result(int exitCode, String output) {
    }
}
