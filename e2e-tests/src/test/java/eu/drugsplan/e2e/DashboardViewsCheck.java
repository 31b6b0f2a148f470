package eu.drugsplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Issue 18's "with every shared dataset loaded, every view renders": run by deploy/local/real-data-check.sh (which the
 * test command runs after the Maven tests) once the README's real-data command has loaded every shared dataset
 * into a suite of its own. Opens in headless Chromium the overview, the twelve indicators, every measure with data,
 * and a country and a series of each; checks that each renders, that the waste-water measure has no serious or
 * critical axe-core violation, and that the scoreboard counts the waste-water headline series (1,092 daily means,
 * not 10,870 statistics). Exits 1 with the reasons otherwise.
 */
public final class DashboardViewsCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WASTEWATER_HEADLINE_SERIES = 1092;
    private static final Duration TRENDS_WITHIN = Duration.ofSeconds(120);
    private static final List<String> WITH_PUBLISHED_DATA = List.of("PI01", "PI02", "PI03", "PI04", "PI07", "PI09", "PI10");

    private DashboardViewsCheck() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        List<String> problems = new ArrayList<>();
        // the round trip reads the store; the trends follow over Kafka a little later
        int wastewater = headlineSeries(gateway, "PI02");
        for (long deadline = System.nanoTime() + TRENDS_WITHIN.toNanos();
             wastewater != WASTEWATER_HEADLINE_SERIES && System.nanoTime() < deadline; ) {
            Thread.sleep(1000);
            wastewater = headlineSeries(gateway, "PI02");
        }
        if (wastewater != WASTEWATER_HEADLINE_SERIES) {
            problems.add("the scoreboard counts " + wastewater + " waste-water headline series, not "
                    + WASTEWATER_HEADLINE_SERIES);
        }
        // issue 20: the indicators with a published table here have headline series
        for (String indicator : WITH_PUBLISHED_DATA) {
            if (headlineSeries(gateway, indicator) == 0) {
                problems.add("the scoreboard has no headline series for " + indicator);
            }
        }
        List<String> views = views(gateway);
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            for (String view : views) {
                DashboardPage page = DashboardPage.open(browser, gateway + view, Duration.ofSeconds(60));
                String state = page.view("data-state");
                System.out.println(view + ": " + state + " in " + page.renderMillis + " ms");
                if (!"rendered".equals(state)) {
                    problems.add(view + " ended as " + state + ": " + page.text("#view"));
                }
            }
            DashboardPage page = DashboardPage.open(browser, gateway + "/?measure=PI02.WASTEWATER_LOAD",
                    Duration.ofSeconds(60));
            page.seriousAccessibilityViolations().forEach(v -> problems.add("waste-water measure view: " + v));
        }
        System.out.println(views.size() + " views opened, " + problems.size() + " problems");
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("PROBLEM " + p));
            System.exit(1);
        }
    }

    private static int headlineSeries(String gateway, String indicator) throws Exception {
        for (JsonNode entry : get(gateway + "/api/v1/scoreboard").path("indicators")) {
            if (indicator.equals(entry.path("indicator").asText())) {
                return entry.path("counts").path("series").asInt();
            }
        }
        return 0;
    }

    /** The overview, the twelve indicators, every measure with data, and a country and a series of each. */
    private static List<String> views(String gateway) throws Exception {
        Set<String> views = new LinkedHashSet<>(List.of("/"));
        for (JsonNode indicator : get(gateway + "/api/v1/summaries/indicators").path("indicators")) {
            views.add("/?indicator=" + indicator.path("indicator").asText());
            for (JsonNode measure : indicator.path("measures")) {
                if (measure.path("counts").path("series").asLong() == 0) {
                    continue;
                }
                String code = measure.path("measure").asText();
                views.add("/?measure=" + code);
                JsonNode first = get(gateway + "/api/v1/summaries/measures/" + code + "?size=1").path("series").path(0);
                if (!first.isMissingNode()) {
                    views.add("/?area=" + first.path("country").asText());
                    views.add("/?series=" + URLEncoder.encode(first.path("seriesKey").asText(), StandardCharsets.UTF_8));
                }
            }
        }
        return List.copyOf(views);
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
