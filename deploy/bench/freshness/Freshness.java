import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Freshness through the gateway of a running suite: submissions of one observation each, at a steady rate,
 * spread over 30 series of PI09.DRUG_INDUCED_DEATHS for one country; each carries a value larger than every
 * earlier one. Each accepted submission is released at once by a reviewer of EUDA, the measure's reviewing body
 * (issue 16: only released data is official). A submission is fresh when the trend stream (SSE) shows its series
 * with a latest value at least as large; its freshness is that moment minus the moment the gateway answered 201
 * (accepted), so it includes the release and the publisher's step to official.
 *
 * usage: java Freshness.java GATEWAY_URL TOKEN REVIEWER_TOKEN AREA RATE_PER_S SECONDS WARMUP_SECONDS [SAMPLES_FILE]
 * SAMPLES_FILE, when given, receives one line per measured submission (seconds since the first submission
 * at its acceptance, its freshness in milliseconds), for plots.
 */
public class Freshness {

    static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    static final String PERIOD = "2024";
    static final String[] SEXES = {"T", "M", "F"};
    static final String[] AGES = {"TOTAL", "Y15-64", "Y15-34", "Y15-24", "Y25-34", "Y35-64", "Y15-19", "Y15-16",
            "Y_LT15", "Y_GE65"};
    static final Pattern KEY = Pattern.compile("\"seriesKey\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern LATEST = Pattern.compile("\"latest\":\\{\"period\":\"([^\"]+)\",\"time\":[^,]+,\"value\":([-0-9.eE+]+)");

    /** One submission: when the gateway accepted it and when its value was first seen on the stream. */
    static final class Sample {
        final int value;
        final boolean measured;
        volatile long acceptedAt;
        volatile long servedAt;
        volatile int status;
        /** The release's answer (200), 0 before it came, -1 without one. */
        volatile int releaseStatus;
        volatile long releasedAt;
        volatile long sentAt;
        /** When the submission's draft view (GET /api/v1/submissions/{id}/trends) first showed its value; 0 if never. */
        volatile long draftAt;

        Sample(int value, boolean measured) {
            this.value = value;
            this.measured = measured;
        }
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        String token = args[1];
        String reviewer = args[2];
        String area = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, List<Sample>> bySeries = new ConcurrentHashMap<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        subscribe(http, gateway.resolve("/api/v1/trends/stream?measure=" + MEASURE + "&area=" + area), bySeries,
                subscribed);
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the trend stream did not answer");
        }
        int total = rate * (warmup + seconds);
        AtomicInteger next = new AtomicInteger();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch sent = new CountDownLatch(total);
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            String sex = SEXES[i % SEXES.length];
            String age = AGES[(i / SEXES.length) % AGES.length];
            Sample sample = new Sample(i + 1, i >= rate * warmup);
            bySeries.computeIfAbsent(key(area, sex, age), k -> new CopyOnWriteArrayList<>()).add(sample);
            samples.add(sample);
            // the draft view is read beside the release, so that the release is not delayed by it
            submit(http, gateway, token, area, sex, age, sample)
                    .thenCompose(response -> java.util.concurrent.CompletableFuture.allOf(
                            release(http, gateway, reviewer, response, sample),
                            draft(http, gateway, reviewer, response, sample)))
                    .whenComplete((r, e) -> sent.countDown());
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        sent.await(warmup + seconds + 60L, TimeUnit.SECONDS);
        double achieved = total / ((System.nanoTime() - started) / 1e9);
        clock.shutdownNow();
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < drainUntil
                && samples.stream().anyMatch(s -> s.status == 201 && s.releaseStatus == 200 && s.servedAt == 0)) {
            Thread.sleep(100);
        }
        report(samples, achieved);
        if (args.length > 7) {
            writeSamples(java.nio.file.Path.of(args[7]), samples, started);
        }
        System.exit(0);
    }

    static String key(String area, String sex, String age) {
        return MEASURE + ":" + area + ":AGE=" + age + ",SEX=" + sex;
    }

    static java.util.concurrent.CompletableFuture<HttpResponse<String>> submit(HttpClient http, URI gateway,
            String token, String area, String sex, String age, Sample sample) {
        String body = "{\"observations\":[{\"measure\":\"" + MEASURE + "\",\"area\":\"" + area + "\",\"period\":\""
                + PERIOD + "\",\"dimensions\":{\"SEX\":\"" + sex + "\",\"AGE\":\"" + age + "\"},\"value\":"
                + sample.value + "}]}";
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/submissions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        sample.sentAt = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            sample.acceptedAt = System.nanoTime();
            sample.status = response == null ? -1 : response.statusCode();
        });
    }

    /** Releases an accepted submission (its id from the 201's body); nothing for any other answer. */
    static java.util.concurrent.CompletableFuture<HttpResponse<String>> release(HttpClient http, URI gateway,
            String reviewer, HttpResponse<String> accepted, Sample sample) {
        Matcher id = accepted == null || accepted.statusCode() != 201 ? null : ID.matcher(accepted.body());
        if (id == null || !id.find()) {
            sample.releaseStatus = -1;
            return java.util.concurrent.CompletableFuture.completedFuture(accepted);
        }
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/submissions/" + id.group(1) + "/release"))
                .header("Authorization", "Bearer " + reviewer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            sample.releasedAt = System.nanoTime();
            sample.releaseStatus = response == null ? -1 : response.statusCode();
        });
    }

    /**
     * Reads the submission's draft view until its draft trend shows the submitted value as latest (one read, as
     * the draft is computed on request; read again while the answer is not a 200 with the value, up to 5 s).
     */
    static java.util.concurrent.CompletableFuture<Void> draft(HttpClient http, URI gateway, String reviewer,
            HttpResponse<String> accepted, Sample sample) {
        Matcher id = accepted == null || accepted.statusCode() != 201 ? null : ID.matcher(accepted.body());
        if (id == null || !id.find()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/submissions/" + id.group(1) + "/trends"))
                .header("Authorization", "Bearer " + reviewer).GET().build();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        return readDraft(http, request, sample, giveUp);
    }

    static java.util.concurrent.CompletableFuture<Void> readDraft(HttpClient http, HttpRequest request, Sample sample,
            long giveUp) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 200 && shows(response.body(), "\"draft\":", sample.value)) {
                sample.draftAt = System.nanoTime();
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
            return System.nanoTime() > giveUp ? java.util.concurrent.CompletableFuture.completedFuture(null)
                    : readDraft(http, request, sample, giveUp);
        });
    }

    /** The trend after the marker has the value as its latest point. */
    static boolean shows(String body, String marker, int value) {
        int at = body.indexOf(marker);
        Matcher latest = at < 0 ? null : LATEST.matcher(body.substring(at));
        return latest != null && latest.find() && Double.parseDouble(latest.group(2)) == value;
    }

    static void subscribe(HttpClient http, URI stream, Map<String, List<Sample>> bySeries, CountDownLatch subscribed) {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            Thread reader = new Thread(() -> read(response.body(), bySeries, subscribed), "sse");
            reader.setDaemon(true);
            reader.start();
        });
    }

    static void read(Stream<String> lines, Map<String, List<Sample>> bySeries, CountDownLatch subscribed) {
        lines.forEach(line -> {
            if (line.startsWith(":")) {
                subscribed.countDown();
            } else if (line.startsWith("data:")) {
                long now = System.nanoTime();
                Matcher key = KEY.matcher(line);
                Matcher latest = LATEST.matcher(line);
                if (key.find() && latest.find() && latest.group(1).equals(PERIOD)) {
                    double value = Double.parseDouble(latest.group(2));
                    bySeries.getOrDefault(key.group(1), List.of()).stream()
                            .filter(s -> s.servedAt == 0 && s.value <= value)
                            .forEach(s -> s.servedAt = now);
                }
            }
        });
    }

    static void report(List<Sample> samples, double achieved) {
        List<Long> micros = new ArrayList<>();
        List<Long> sinceRelease = new ArrayList<>();
        long refused = 0;
        long unreleased = 0;
        long unseen = 0;
        for (Sample s : samples) {
            if (!s.measured) {
                continue;
            }
            if (s.status != 201) {
                refused++;
            } else if (s.releaseStatus != 200) {
                unreleased++;
            } else if (s.servedAt == 0) {
                unseen++;
            } else {
                // the stream may show the trend before the client has read the 201: that is freshness 0
                micros.add(Math.max(0, s.servedAt - s.acceptedAt) / 1000);
                sinceRelease.add(Math.max(0, s.servedAt - s.releasedAt) / 1000);
            }
        }
        micros.sort(null);
        sinceRelease.sort(null);
        Map<Integer, Long> refusals = new java.util.TreeMap<>();
        samples.stream().filter(s -> s.measured && s.status != 201).forEach(s -> refusals.merge(s.status, 1L, Long::sum));
        Map<Integer, Long> releases = new java.util.TreeMap<>();
        samples.stream().filter(s -> s.measured && s.status == 201).forEach(s -> releases.merge(s.releaseStatus, 1L, Long::sum));
        System.out.println("submission_refusals_by_status=" + refusals + " release_answers_by_status=" + releases);
        System.out.printf("submissions=%d rate_per_s=%.1f measured=%d refused=%d not_released=%d not_seen=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                samples.size(), achieved, micros.size(), refused, unreleased, unseen, percentile(micros, 0.50),
                percentile(micros, 0.99), micros.isEmpty() ? Double.NaN : micros.get(micros.size() - 1) / 1000.0);
        // the reviewer's 200 to the official trend on the stream: the publisher's step and the Kafka flow only
        System.out.printf("release_to_trend_ms_p50=%.1f release_to_trend_ms_p99=%.1f%n", percentile(sinceRelease, 0.50),
                percentile(sinceRelease, 0.99));
        // sending the submission to its draft trend read back: intake, then one draft view computed on request
        List<Long> toDraft = samples.stream().filter(s -> s.measured && s.status == 201 && s.draftAt != 0)
                .map(s -> (s.draftAt - s.sentAt) / 1000).sorted().toList();
        long noDraft = samples.stream().filter(s -> s.measured && s.status == 201 && s.draftAt == 0).count();
        System.out.printf("submission_to_draft_trend_ms_p50=%.1f submission_to_draft_trend_ms_p99=%.1f no_draft=%d%n",
                percentile(toDraft, 0.50), percentile(toDraft, 0.99), noDraft);
    }

    static void writeSamples(java.nio.file.Path file, List<Sample> samples, long started) throws java.io.IOException {
        StringBuilder out = new StringBuilder("# accepted_s freshness_ms\n");
        for (Sample s : samples) {
            if (s.measured && s.status == 201 && s.releaseStatus == 200 && s.servedAt != 0) {
                out.append(String.format(java.util.Locale.ROOT, "%.3f %.1f%n", (s.acceptedAt - started) / 1e9,
                        Math.max(0, s.servedAt - s.acceptedAt) / 1e6));
            }
        }
        java.nio.file.Files.writeString(file, out);
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
