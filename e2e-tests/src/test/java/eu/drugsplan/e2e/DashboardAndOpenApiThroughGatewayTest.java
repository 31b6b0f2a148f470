package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        // areas the other e2e test does not use, so that neither sees the other's series
        submit("DE", "2015", 1200, "2016", 1250, "2017", 1190);
        submit("FR", "2016", 410, "2017", 450);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().baseUri(suite.gatewayUrl()).queryParam("area", "DE,FR").get("/api/v1/trends/" + MEASURE)
                        .jsonPath().getList("trends.pointCount").containsAll(List.of(3, 2)));
    }

    private static void submit(String area, Object... periodsAndValues) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < periodsAndValues.length; i += 2) {
            rows.append(rows.isEmpty() ? "" : ",").append("{\"measure\":\"").append(MEASURE).append("\",\"area\":\"")
                    .append(area).append("\",\"period\":\"").append(periodsAndValues[i])
                    .append("\",\"dimensions\":{\"SEX\":\"F\",\"AGE\":\"TOTAL\"},\"value\":")
                    .append(periodsAndValues[i + 1]).append('}');
        }
        given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(area, "submitter"))
                .contentType(ContentType.JSON).body("{\"observations\":[" + rows + "]}")
                .post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(periodsAndValues.length / 2));
    }

    @Test
    void the_dashboard_draws_each_countrys_points_and_sens_slope_from_real_data_in_chromium() throws Exception {
        String dom = dumpDom(suite.gatewayUrl() + "/?measure=" + MEASURE + "#token="
                + Tokens.forReporter("EUDA", "reviewer"));

        Map<String, String> charts = attributesOf(dom, "id=\"charts\"");
        assertThat(charts).containsEntry("data-state", "rendered").containsEntry("data-measure", MEASURE);
        Map<String, String> germany = attributesOf(dom, "data-series=\"" + MEASURE + ":DE:AGE=TOTAL,SEX=F\"");
        assertThat(germany).containsEntry("data-points", "3").containsEntry("data-trend", "sen")
                .containsEntry("data-rendered", "true");
        Map<String, String> france = attributesOf(dom, "data-series=\"" + MEASURE + ":FR:AGE=TOTAL,SEX=F\"");
        assertThat(france).containsEntry("data-points", "2").containsEntry("data-rendered", "true");
        // ECharts drew into the chart element: an SVG follows it
        assertThat(dom.substring(dom.indexOf(":DE:AGE=TOTAL,SEX=F\""))).containsPattern("^[^<]*>\\s*<div[^>]*>\\s*<svg");

        Map<String, String> scoreboard = attributesOf(dom, "id=\"scoreboard\"");
        assertThat(scoreboard.get("data-state")).isIn("scoreboard", "catalogue");
        assertThat(scoreboard).containsEntry("data-indicators", "12");

        Map<String, String> coverage = attributesOf(dom, "id=\"coverage\"");
        assertThat(coverage).containsEntry("data-state", "rendered");
        assertThat(dom).contains("title=\"DE 2015\"").contains("title=\"FR 2015: not reported\"");

        // the reviewer's token came in the fragment: the latest submissions of every reporter, DE's and FR's among them
        Map<String, String> submissions = attributesOf(dom, "id=\"submissions\"");
        assertThat(submissions).containsEntry("data-state", "listed");
        assertThat(Integer.parseInt(submissions.get("data-count"))).isGreaterThanOrEqualTo(2);
        assertThat(attributesOf(dom, "<body").get("data-ready")).isEqualTo("true");
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

    private static String dumpDom(String url) throws IOException, InterruptedException {
        Path chromium = Path.of("/usr/bin/chromium");
        assertThat(chromium).as("Debian's chromium (deploy/local/test.sh installs it as root)").isExecutable();
        Path profile = Files.createTempDirectory("chromium-profile");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        Files.writeString(Path.of("target", "dashboard-dom.html"), dom);
        return dom;
    }

    /** The attributes of the first element whose start tag contains the marker. */
    private static Map<String, String> attributesOf(String dom, String marker) {
        int at = dom.indexOf(marker);
        assertThat(at).as("an element with " + marker + " (see target/dashboard-dom.html)").isNotNegative();
        int start = dom.lastIndexOf('<', at);
        String tag = dom.substring(start, dom.indexOf('>', at));
        Map<String, String> attributes = new java.util.HashMap<>();
        Matcher matcher = Pattern.compile("([\\w-]+)=\"([^\"]*)\"").matcher(tag);
        while (matcher.find()) {
            attributes.put(matcher.group(1), matcher.group(2));
        }
        return attributes;
    }
}
