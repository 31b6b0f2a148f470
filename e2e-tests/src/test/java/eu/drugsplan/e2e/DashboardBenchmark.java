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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 18's benchmark, not a test (deploy/bench/dashboard.sh runs it against a suite with the shared datasets
 * loaded): each view type opened in headless Chromium, first with an empty cache (a new browser profile) and then
 * again in the same browser (ECharts and the map cached, the API answers revalidated with their ETags), several
 * times; it prints the time from navigation to the view and every chart rendered, and the bytes transferred as the
 * browser's Resource Timing counts them. The aim: every view within 1.5 s and under 500 KB.
 */
public final class DashboardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENDER_WITHIN = Duration.ofSeconds(120);

    private DashboardBenchmark() {
    }

    record Sample(long millis, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, String> views = views(gateway);
        Map<String, List<Sample>> cold = new LinkedHashMap<>();
        Map<String, List<Sample>> warm = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, String> view : views.entrySet()) {
                try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
                    cold.computeIfAbsent(view.getKey(), k -> new ArrayList<>()).add(sample(browser, gateway + view.getValue()));
                    if (run == 0) {
                        System.out.println(view.getKey() + ", empty cache, largest transfers: " + largest(browser));
                    }
                    warm.computeIfAbsent(view.getKey(), k -> new ArrayList<>()).add(sample(browser, gateway + view.getValue()));
                }
            }
        }
        System.out.println("| view | URL | empty cache: ms median (max) | bytes median | cached: ms median (max) | bytes median |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String view : views.keySet()) {
            System.out.printf("| %s | `%s` | %d (%d) | %,d | %d (%d) | %,d |%n", view, views.get(view),
                    median(cold.get(view), Sample::millis), max(cold.get(view)), median(cold.get(view), Sample::bytes),
                    median(warm.get(view), Sample::millis), max(warm.get(view)), median(warm.get(view), Sample::bytes));
        }
        System.out.println("runs per view: " + runs);
    }

    private static Sample sample(HeadlessChromium browser, String url) throws Exception {
        DashboardPage page = DashboardPage.open(browser, url, RENDER_WITHIN);
        String state = page.view("data-state");
        if (!"rendered".equals(state)) {
            throw new IllegalStateException(url + " ended as " + state + ": " + page.text("#view"));
        }
        return new Sample(page.renderMillis, page.bytesTransferred());
    }

    /** The five largest transfers of the page, path and bytes. */
    private static String largest(HeadlessChromium browser) throws Exception {
        return browser.evaluate("performance.getEntriesByType('resource').sort((a, b) => b.transferSize - a.transferSize)"
                + ".slice(0, 5).map(e => new URL(e.name).pathname + ' ' + e.transferSize).join(', ')").asText();
    }

    /** One URL per view type, on the measure with the most data (waste water) and a series of it. */
    private static Map<String, String> views(String gateway) throws Exception {
        String measure = "PI02.WASTEWATER_LOAD";
        JsonNode summary = get(gateway + "/api/v1/summaries/measures/" + measure);
        JsonNode first = null;
        for (JsonNode series : summary.path("series")) {
            if ("EU_MEMBER_STATE".equals(series.path("group").asText())) {
                first = series; // the largest latest value of a site in a Member State
                break;
            }
        }
        if (first == null) {
            throw new IllegalStateException("no waste-water series: load the datasets first (deploy/local/load-datasets.sh)");
        }
        Map<String, String> views = new LinkedHashMap<>();
        views.put("indicators at a glance", "/");
        views.put("one indicator", "/?indicator=PI02");
        views.put("one measure (waste water)", "/?measure=" + measure);
        views.put("one measure (drug-induced deaths)", "/?measure=PI09.DRUG_INDUCED_DEATHS");
        views.put("one country", "/?area=" + first.path("country").asText(first.path("area").asText()));
        views.put("one series", "/?series=" + URLEncoder.encode(first.path("seriesKey").asText(), StandardCharsets.UTF_8));
        return views;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    private static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> of) {
        long[] values = samples.stream().mapToLong(of).sorted().toArray();
        return values[values.length / 2];
    }

    private static long max(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::millis).max().orElse(0);
    }
}
