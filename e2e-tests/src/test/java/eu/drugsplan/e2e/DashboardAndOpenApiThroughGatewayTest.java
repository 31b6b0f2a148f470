package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway's faces for people and for tools, on the real services with real data: the dashboard driven in a
 * real headless Chromium (Debian's chromium, installed by deploy/local/test.sh), and the merged API description
 * checked by the OpenAPI linter.
 */
@ExtendWith(SharedSuiteExtension.class)
class DashboardAndOpenApiThroughGatewayTest {

    private static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Suite suite;

    @BeforeAll
    static void useTheSharedSuiteWithData(Suite shared) throws Exception {
        suite = shared;
        // areas the other e2e tests do not use for the headline series (SEX=T), so that the ranking is this test's
        submit("DE", "2015", 1200, "2016", 1250, "2017", 1190);
        submit("FR", "2016", 410, "2017", 450);
        // Germany revises 2016, provisionally: the series view shows the flag on its point and both versions
        String revised = """
                {"observations": [{"measure": "%s", "area": "DE", "period": "2016", "dimensions":
                  {"SEX": "T", "AGE": "TOTAL"}, "value": 1260, "status": "P"}]}""".formatted(MEASURE);
        // the intake compares with its copy of the official series, which hears of 2016 moments after it is official
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("DE", "submitter"))
                        .contentType(ContentType.JSON).body(revised).post("/api/v1/submissions?dryRun=true")
                        .jsonPath().getList("warnings.code").contains("REVISION"));
        String revision = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("DE", "submitter"))
                .contentType(ContentType.JSON).body(revised)
                .post("/api/v1/submissions").then().statusCode(201).body("accepted", equalTo(1))
                .body("warnings.code", org.hamcrest.Matchers.hasItem("REVISION")).extract().path("id");
        Review.release(suite.gatewayUrl(), revision);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().baseUri(suite.gatewayUrl()).queryParam("area", "DE,FR").queryParam("SEX", "T")
                        .get("/api/v1/trends/" + MEASURE).jsonPath().getList("trends.pointCount").containsAll(List.of(3, 2))
                        && given().baseUri(suite.gatewayUrl()).queryParam("area", "DE").queryParam("SEX", "T")
                        .get("/api/v1/trends/" + MEASURE).jsonPath()
                        .getList("trends[0].points.findAll { it.period == '2016' }.value", Float.class).contains(1260f));
    }

    /** Clicks a download button of the page and waits until it says how many bytes it saved. */
    private static long savedBytes(DashboardPage page, String format) throws Exception {
        String saved = page.evaluate("(async () => { const b = document.querySelector(\"button[data-download='"
                + format + "']\"); b.click(); for (let i = 0; i < 100 && !b.dataset.downloaded; i++) {"
                + " await new Promise(r => setTimeout(r, 100)); } return b.dataset.downloaded || ''; })()").asText();
        assertThat(saved).as("bytes saved by the %s button", format).isNotEmpty();
        return Long.parseLong(saved);
    }

    private static void submit(String area, Object... periodsAndValues) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < periodsAndValues.length; i += 2) {
            rows.append(rows.isEmpty() ? "" : ",").append("{\"measure\":\"").append(MEASURE).append("\",\"area\":\"")
                    .append(area).append("\",\"period\":\"").append(periodsAndValues[i])
                    .append("\",\"dimensions\":{\"SEX\":\"T\",\"AGE\":\"TOTAL\"},\"value\":")
                    .append(periodsAndValues[i + 1]).append('}');
        }
        String id = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(area, "submitter"))
                .contentType(ContentType.JSON).body("{\"observations\":[" + rows + "]}")
                .post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(periodsAndValues.length / 2)).extract().path("id");
        Review.release(suite.gatewayUrl(), id);
    }

    @Test
    void every_view_of_the_dashboard_renders_from_real_data_in_chromium_without_serious_accessibility_violations()
            throws Exception {
        String germany = MEASURE + ":DE:AGE=TOTAL,SEX=T";
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            DashboardPage overview = open(browser, "/", "overview");
            assertThat(overview.view("data-indicators")).isEqualTo("12");
            assertThat(overview.text("tr[data-indicator='PI09'] th")).isEqualTo("PI09");
            // whose figures a row counts, and which indicators have none (issue 20)
            assertThat(overview.text("[data-sources='PI09']")).contains("EMCDDA");
            assertThat(overview.evaluate("[...document.querySelectorAll('[data-sources]')].filter(c => "
                    + "!c.textContent.trim()).length").asInt()).as("rows that say neither sources nor no data").isZero();

            DashboardPage indicator = open(browser, "/?indicator=PI09", "indicator");
            assertThat(indicator.count("tr[data-measure='" + MEASURE + "']")).isOne();
            assertThat(indicator.text("tr[data-measure='" + MEASURE + "'] td.source")).contains("drug-induced deaths");

            DashboardPage measure = open(browser, "/?measure=" + MEASURE, "measure");
            // the EU total of both sexes sums a few Member States: the chart says it is incomplete
            assertThat(measure.view("data-eu-total")).isEqualTo("incomplete");
            assertThat(measure.text("p[data-eu-total='incomplete']")).startsWith("Incomplete EU total");
            assertThat(measure.count("[data-chart='ranked']")).isOne();
            assertThat(measure.count("[data-chart='eu-total']")).isPositive();
            // the ranked table, numbers written for people: 1,190 (Germany's latest), the area's kind named
            String row = measure.text("tr[data-series='" + germany + "']");
            assertThat(row).contains("1,190", "EU Member State", "2017");
            assertThat(measure.count("details[data-table-for='ranked'] table")).isOne();
            assertThat(measure.count("button[data-download]")).isEqualTo(2);
            // the map: Germany and France filled from Natural Earth's shapes, named in its table, its source shown
            assertThat(measure.evaluate("document.querySelector(\"[data-chart='map']\").dataset.rendered").asText())
                    .isEqualTo("true");
            assertThat(measure.count("[data-chart='map'] svg path")).isGreaterThan(30);
            assertThat(Integer.parseInt(measure.evaluate("document.querySelector(\"[data-chart='map']\")"
                    + ".closest('figure').dataset.filled").asText())).isGreaterThanOrEqualTo(2);
            assertThat(measure.text("details[data-table-for='map'] tr[data-map-area='DE']")).contains("1,190", "filled country");
            assertThat(measure.text("[data-chart='map'] ~ p.note, figure p.note")).contains("Natural Earth");

            DashboardPage area = open(browser, "/?area=DE", "area");
            assertThat(area.view("data-group")).isEqualTo("EU_MEMBER_STATE");
            assertThat(area.count("tr[data-series='" + germany + "']")).isOne();

            DashboardPage series = open(browser, "/?series=" + java.net.URLEncoder.encode(germany,
                    StandardCharsets.UTF_8), "series");
            assertThat(series.view("data-points")).isEqualTo("3");
            // 2016's provisional flag on its point and in the table; its two versions, oldest first
            assertThat(series.view("data-flags")).isEqualTo("1");
            assertThat(series.text("tr[data-flag='P']")).contains("2016", "1,260", "P - ");
            assertThat(series.view("data-revised")).isEqualTo("1");
            assertThat(series.text("tr[data-revised='2016']")).matches("(?s).*1,250.*->.*1,260 P.*");
            assertThat(series.count("[data-chart='series'] svg")).isPositive();
            // the series' data saved by its buttons is what the data API answers for it in each format
            for (Map.Entry<String, String> format : Map.of("csv", "text/csv",
                    "sdmx.csv", "application/vnd.sdmx.data+csv;version=2.0.0").entrySet()) {
                byte[] answered = given().baseUri(suite.gatewayUrl()).header("Accept", format.getValue())
                        .queryParam("area", "DE").queryParam("AGE", "TOTAL").queryParam("SEX", "T")
                        .get("/api/v1/data/" + MEASURE).then().statusCode(200).extract().asByteArray();
                assertThat(savedBytes(series, format.getKey())).as(format.getKey()).isEqualTo(answered.length);
            }
            // the chart as a picture: a PNG drawn from the chart's SVG
            String png = series.evaluate("(async () => { const b = document.querySelector(\"button[data-png-for='series']\");"
                    + " b.click(); for (let i = 0; i < 100 && !b.dataset.downloaded; i++) {"
                    + " await new Promise(r => setTimeout(r, 100)); } return b.dataset.downloaded || ''; })()").asText();
            assertThat(png).as("bytes of the PNG saved").isNotEmpty();
            assertThat(Long.parseLong(png)).isGreaterThan(2_000);
            // this suite has no sign-in provider: the page says so, and offers no field to paste a token into
            // (signing in with Keycloak: IdentityProviderThroughGatewayTest)
            assertThat(series.evaluate("document.getElementById('account').dataset.signIn").asText())
                    .isEqualTo("not-configured");
            assertThat(series.count("#token, input[type='password']")).isZero();
        }
    }

    @Test
    void the_measure_view_is_usable_at_390_pixels_without_a_horizontal_scroll() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(390, 844)) {
            DashboardPage measure = open(browser, "/?measure=" + MEASURE, "measure-390px");

            assertThat(measure.evaluate("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(390);
        }
    }

    private static DashboardPage open(HeadlessChromium browser, String path, String name) throws Exception {
        DashboardPage page = DashboardPage.open(browser, suite.gatewayUrl() + path, Duration.ofSeconds(60));
        assertThat(page.view("data-state")).as(path).isEqualTo("rendered");
        System.out.println(DashboardPage.describe(name, page));
        page.screenshot(name);
        assertThat(page.seriousAccessibilityViolations()).as("axe-core on " + path).isEmpty();
        return page;
    }

    @Test
    void the_merged_api_description_covers_every_service_and_passes_the_linter() throws Exception {
        Map<String, Object> paths = given().baseUri(suite.gatewayUrl()).get("/api/v1/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/api/v1/indicators", "/api/v1/measures", "/api/v1/data/{measure}",
                "/api/v1/submissions", "/api/v1/submissions/{id}", "/api/v1/trends/{measure}");

        ProcessBuilder lint = new ProcessBuilder("bash", ROOT.resolve("deploy/local/lint-openapi.sh").toString())
                .redirectErrorStream(true);
        lint.environment().put("GATEWAY_URL", suite.gatewayUrl());
        Process process = lint.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Your API description is valid");
    }
}
