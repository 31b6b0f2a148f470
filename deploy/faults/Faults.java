import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.drugsplan.contracts.trend.DesiredDirection;
import eu.drugsplan.contracts.trend.MeasureProperties;
import eu.drugsplan.contracts.trend.PeriodValue;
import eu.drugsplan.contracts.trend.TrendCalculator;
import eu.drugsplan.contracts.trend.TrendConfig;
import eu.drugsplan.contracts.trend.TrendResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The client side of the fault suite (deploy/faults/run.sh): the submission load and its ledger, the checks of
 * the store and the trends against that ledger, quiescence, dumps for the replay comparison, consumer group
 * resets and the poison record. Run with the packaged reporting-service on the class path, so that the trends
 * are recomputed by the very calculator the service uses.
 */
public class Faults {

    static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    static final String EU = "EU27_2020";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int code = switch (args[0]) {
            case "load" -> load(env, Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "quiesce" -> quiesce(env, Integer.parseInt(args[1]));
            case "check" -> check(env, Path.of(args[1]), Path.of(args[2]));
            case "dump" -> dump(env, Path.of(args[1]));
            case "reset" -> reset(env, args[1], args[2]);
            case "poison" -> poison(env, Path.of(args[1]));
            case "scan" -> scan(env, args[1], args[2]);
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.exit(code);
    }

    // ---------------------------------------------------------------- load

    /** One row of one submission attempt; outcome A = 201 with the row accepted, R = refused, U = unknown. */
    record Attempt(long seq, String reporter, String key, String period, long value, char outcome, int http,
                   String submission) {
    }

    /**
     * Each reporter (thread) owns its series: the attempts on one observation key are sequential, so "the last
     * accepted value" is well defined. Every value is unique, so a doubled or a lost version is visible. Each
     * accepted submission is released (issue 16) by a reviewer of EUDA, PI09's reviewing body (FAULT_REVIEW_TOKEN),
     * before the thread's next submission, so that the releases come in the order of the submissions.
     */
    static int load(Map<String, String> env, Path tokens, Path stop, Path ledger) throws Exception {
        String gateway = env.get("GATEWAY");
        String reviewer = java.util.Objects.requireNonNull(env.get("FAULT_REVIEW_TOKEN"),
                "FAULT_REVIEW_TOKEN: a reviewer token of EUDA (deploy/faults/run.sh sets it)");
        double rate = Double.parseDouble(env.getOrDefault("FAULT_RATE", "12"));
        List<String[]> reporters = Files.readAllLines(tokens).stream().map(l -> l.split(" ", 2)).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicLong seq = new AtomicLong();
        List<Attempt> all = java.util.Collections.synchronizedList(new ArrayList<>());
        long periodNanos = (long) (reporters.size() / rate * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < reporters.size(); t++) {
            String area = reporters.get(t)[0];
            String token = reporters.get(t)[1].trim();
            int thread = t;
            Thread worker = new Thread(() -> {
                java.util.Random random = new java.util.Random(thread);
                long next = System.nanoTime();
                while (!Files.exists(stop)) {
                    long s = seq.incrementAndGet();
                    List<String[]> rows = new ArrayList<>();
                    for (String sex : new String[] {"M", "F"}) {
                        if (random.nextInt(3) > 0 || rows.isEmpty() && sex.equals("F")) {
                            rows.add(new String[] {sex, Integer.toString(2008 + random.nextInt(17))});
                        }
                    }
                    all.addAll(submit(http, gateway, token, reviewer, area, s, rows));
                    next += periodNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        try { Thread.sleep(sleep / 1_000_000); } catch (InterruptedException e) { return; }
                    } else {
                        next = System.nanoTime();
                    }
                }
            });
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(ledger))) {
            for (Attempt a : all) {
                out.printf("%d\t%s\t%s\t%s\t%d\t%c\t%d\t%s%n", a.seq, a.reporter, a.key, a.period, a.value, a.outcome,
                        a.http, a.submission);
            }
        }
        Map<Character, Long> submissions = all.stream().collect(Collectors.groupingBy(a -> a.outcome,
                Collectors.mapping(Attempt::seq, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        System.out.printf("load: %d submissions, %d accepted, %d refused, %d without an answer%n", seq.get(),
                submissions.getOrDefault('A', 0L), submissions.getOrDefault('R', 0L), submissions.getOrDefault('U', 0L));
        return 0;
    }

    static List<Attempt> submit(HttpClient http, String gateway, String token, String reviewer, String area, long seq,
                                List<String[]> rows) {
        ArrayNode observations = JSON.createArrayNode();
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            // unique across the run: the submission number and the row
            long value = seq * 2 + i;
            ObjectNode row = observations.addObject();
            row.put("measure", MEASURE).put("area", area).put("period", rows.get(i)[1]).put("value", value);
            row.putObject("dimensions").put("SEX", rows.get(i)[0]).put("AGE", "TOTAL");
            attempts.add(new Attempt(seq, area, key(area, rows.get(i)[0]), rows.get(i)[1], value, 'U', 0, "-"));
        }
        String body = JSON.createObjectNode().set("observations", observations).toString();
        int status = 0;
        JsonNode answer = null;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/submissions"))
                    .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 201) {
                answer = JSON.readTree(response.body());
            }
        } catch (IOException | InterruptedException noAnswer) {
            status = 0;
        }
        Set<Integer> rejected = new HashSet<>();
        if (answer != null) {
            answer.path("conflicts").forEach(c -> rejected.add(Integer.parseInt(c.path("row").asText().replaceAll("\\D", ""))));
        }
        // accepted but in review until released: a release without a 200 leaves it unknown whether it is official
        if (answer != null && answer.path("review").path("state").asText().equals("IN_REVIEW")
                && !release(http, gateway, reviewer, answer.path("id").asText())) {
            status = 0;
        }
        List<Attempt> result = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            // a 4xx is a definite refusal; a 5xx or no answer may still have been committed behind the gateway
            char outcome = status == 201 ? (rejected.contains(i) ? 'R' : 'A') : status >= 400 && status < 500 ? 'R' : 'U';
            result.add(new Attempt(a.seq, a.reporter, a.key, a.period, a.value, outcome, status,
                    answer == null ? "-" : answer.path("id").asText("-")));
        }
        return result;
    }

    /**
     * Releases a submission; a release without an answer, or answered 5xx or 429 while a service is down, is sent
     * again (the same release twice is one release) for up to a minute. @return whether it was answered 200
     */
    static boolean release(HttpClient http, String gateway, String reviewer, String id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            int status = 0;
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/submissions/" + id + "/release"))
                        .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + reviewer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException noAnswer) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (status == 200) {
                return true;
            }
            if (status >= 400 && status < 500 && status != 429) {
                System.err.println("release of " + id + " refused: HTTP " + status + " (is FAULT_REVIEW_TOKEN EUDA's reviewer?)");
                return false;
            }
            try { Thread.sleep(500); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return false; }
        }
        return false;
    }

    static String key(String area, String sex) {
        return MEASURE + ":" + area + ":AGE=TOTAL,SEX=" + sex;
    }

    // ---------------------------------------------------------------- databases and Kafka

    static Connection db(Map<String, String> env, String name) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "drugsplan");
        props.setProperty("password", "drugsplan");
        return DriverManager.getConnection(env.get(name), props);
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static Admin admin(Map<String, String> env) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        return Admin.create(props);
    }

    /** Sum over the topic's partitions of (log end - the group's committed offset). */
    static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = partitions(admin, topic).stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Records on a topic, 0 when it was never created. */
    static long records(Admin admin, String topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            return 0;
        }
        List<TopicPartition> tps = partitions(admin, topic);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = admin.listOffsets(
                tps.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()))).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(
                tps.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
        return tps.stream().mapToLong(tp -> end.get(tp).offset() - start.get(tp).offset()).sum();
    }

    static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Nothing in either outbox and no consumer lag, three times in a row. */
    static int quiesce(Map<String, String> env, int timeoutSeconds) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        int quiet = 0;
        String last = "";
        try (Admin admin = admin(env)) {
            while (System.currentTimeMillis() < deadline) {
                try (Connection sub = db(env, "SUBMISSIONS_DB_URL"); Connection ind = db(env, "INDICATORS_DB_URL")) {
                    long subPending = scalar(sub, "select count(*) from outbox_event where published_at is null");
                    long indPending = scalar(ind, "select count(*) from outbox_event where published_at is null");
                    Suite suite = Suite.of(env);
                    long obsLag = lag(admin, suite.storeGroup(), suite.observations());
                    long trendLag = lag(admin, suite.trendGroup(), suite.seriesUpdated());
                    long copyLag = lag(admin, suite.copyGroup(), suite.seriesUpdated());
                    last = String.format("submissions outbox %d, indicators outbox %d, observations lag %d, series-updated lag"
                            + " %d (trends) and %d (submissions' copy)", subPending, indPending, obsLag, trendLag, copyLag);
                    quiet = subPending + indPending + obsLag + trendLag + copyLag == 0 ? quiet + 1 : 0;
                } catch (Exception notYet) {
                    quiet = 0;
                    last = String.valueOf(notYet);
                }
                if (quiet >= 3) {
                    System.out.println("quiet: " + last);
                    return 0;
                }
                Thread.sleep(2000);
            }
        }
        System.out.println("NOT quiet after " + timeoutSeconds + " s: " + last);
        return 1;
    }

    // ---------------------------------------------------------------- checks

    static int check(Map<String, String> env, Path ledger, Path figures) throws Exception {
        Map<String, List<Attempt>> byKey = new LinkedHashMap<>();
        long accepted = 0;
        Set<Long> acceptedSubmissions = new HashSet<>();
        Set<Long> unknownSubmissions = new HashSet<>();
        Set<Long> refusedSubmissions = new HashSet<>();
        for (String line : Files.readAllLines(ledger)) {
            String[] f = line.split("\t");
            Attempt a = new Attempt(Long.parseLong(f[0]), f[1], f[2], f[3], Long.parseLong(f[4]), f[5].charAt(0),
                    Integer.parseInt(f[6]), f[7]);
            byKey.computeIfAbsent(a.key + "|" + a.period, k -> new ArrayList<>()).add(a);
            (a.outcome == 'A' ? acceptedSubmissions : a.outcome == 'U' ? unknownSubmissions : refusedSubmissions).add(a.seq);
            accepted += a.outcome == 'A' ? 1 : 0;
        }
        byKey.values().forEach(list -> list.sort((x, y) -> Long.compare(x.seq, y.seq)));

        Map<String, List<Long>> versions = new HashMap<>();
        Map<String, Long> current = new HashMap<>();
        Map<String, Long> dataVersions = new TreeMap<>();
        // events the store applied without a version because a value accepted later already stood
        Map<String, Long> superseded = new HashMap<>();
        Map<String, Map<String, Double>> series = new TreeMap<>();
        try (Connection ind = db(env, "INDICATORS_DB_URL"); Statement s = ind.createStatement()) {
            try (ResultSet r = s.executeQuery("select s.series_key, v.period, v.value from observation_version v "
                    + "join series s on s.id = v.series_id where not v.deleted order by v.recorded_at, v.id")) {
                while (r.next()) {
                    versions.computeIfAbsent(r.getString(1) + "|" + r.getString(2), k -> new ArrayList<>())
                            .add(r.getBigDecimal(3).longValueExact());
                }
            }
            try (ResultSet r = s.executeQuery("select s.series_key, o.period, o.value from observation o "
                    + "join series s on s.id = o.series_id")) {
                while (r.next()) {
                    current.put(r.getString(1) + "|" + r.getString(2), r.getBigDecimal(3).longValueExact());
                    series.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getBigDecimal(3).doubleValue());
                }
            }
            // every attempt carries a value of its own, so an observation the store counted as unchanged is one
            // it found superseded by a later acceptance (unchanged and superseded are counted together)
            try (ResultSet r = s.executeQuery("select submission_id::text, unchanged from submission_outcome "
                    + "where unchanged > 0")) {
                while (r.next()) {
                    superseded.put(r.getString(1), r.getLong(2));
                }
            }
            try (ResultSet r = s.executeQuery("select series_key, data_version from series")) {
                while (r.next()) {
                    dataVersions.put(r.getString(1), r.getLong(2));
                }
            }
        }

        long supersededCount = 0;
        long lost = 0, doubled = 0, stray = 0, misordered = 0, wrongValue = 0, unknownStored = 0, refusedStored = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Attempt>> entry : byKey.entrySet()) {
            List<Long> stored = versions.getOrDefault(entry.getKey(), List.of());
            Map<Long, Attempt> byValue = entry.getValue().stream().collect(Collectors.toMap(Attempt::value, a -> a));
            Map<Long, Integer> times = new HashMap<>();
            stored.forEach(v -> times.merge(v, 1, Integer::sum));
            for (Attempt a : entry.getValue()) {
                int n = times.getOrDefault(a.value, 0);
                if (n > 1) {
                    doubled++;
                    problems.add("DOUBLED " + entry.getKey() + " value " + a.value + " stored " + n + " times");
                }
                if (a.outcome == 'A' && n == 0 && superseded.merge(a.submission, -1L, Long::sum) >= 0) {
                    supersededCount++;
                } else if (a.outcome == 'A' && n == 0) {
                    lost++;
                    problems.add("LOST " + entry.getKey() + " value " + a.value + " (submission " + a.seq + ")");
                }
                unknownStored += a.outcome == 'U' && n > 0 ? 1 : 0;
                if (a.outcome == 'R' && n > 0) {
                    refusedStored++;
                    problems.add("REFUSED BUT STORED " + entry.getKey() + " value " + a.value + " (HTTP " + a.http + ")");
                }
            }
            for (Long v : stored) {
                if (!byValue.containsKey(v)) {
                    stray++;
                    problems.add("STRAY " + entry.getKey() + " value " + v + " was never submitted");
                }
            }
            List<Long> expectedOrder = entry.getValue().stream().map(Attempt::value).filter(times::containsKey).toList();
            List<Long> distinctStored = stored.stream().distinct().toList();
            if (!expectedOrder.equals(distinctStored)) {
                misordered++;
                problems.add("ORDER " + entry.getKey() + " stored " + distinctStored + " submitted " + expectedOrder);
            }
            Long last = expectedOrder.isEmpty() ? null : expectedOrder.get(expectedOrder.size() - 1);
            if (!java.util.Objects.equals(last, current.get(entry.getKey()))) {
                wrongValue++;
                problems.add("VALUE " + entry.getKey() + " current " + current.get(entry.getKey()) + ", last stored version " + last);
            }
        }

        // trends: each reported series against the store, and a fresh computation of its trend
        JsonNode measure = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(env.get("INDICATORS_URL") + "/api/v1/measures/" + MEASURE)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        DesiredDirection direction = DesiredDirection.valueOf(measure.path("desiredDirection").asText());
        Double band = measure.path("stableBandPercent").isNumber() ? measure.path("stableBandPercent").asDouble() : null;
        // the trend parameters reporting-service runs with: the same variables, the same defaults
        TrendCalculator calculator = new TrendCalculator(new TrendConfig(
                band == null ? number(env, "TRENDS_STABLE_BAND", 10) : band, number(env, "TRENDS_PROGRESS_THRESHOLD", 1),
                number(env, "TRENDS_SIGNIFICANCE", 0.05), TrendConfig.DEFAULTS.senConfidence()));
        MeasureProperties properties = new MeasureProperties(direction, band);

        Map<String, JsonNode> trends = new TreeMap<>();
        Map<String, Long> trendVersions = new HashMap<>();
        try (Connection rep = db(env, "REPORTING_DB_URL"); Statement s = rep.createStatement();
             ResultSet r = s.executeQuery("select series_key, data_version, trend::text from series_trend")) {
            while (r.next()) {
                trends.put(r.getString(1), JSON.readTree(r.getString(3)));
                trendVersions.put(r.getString(1), r.getLong(2));
            }
        }
        long trendsChecked = 0, trendMismatches = 0;
        Map<String, Map<String, Double>> euSums = new TreeMap<>();
        for (Map.Entry<String, Map<String, Double>> s : series.entrySet()) {
            String key = s.getKey();
            String[] parts = key.split(":");
            euSums.computeIfAbsent(parts[0] + ":" + EU + ":" + parts[2] + "#SUM", k -> new TreeMap<>());
            s.getValue().forEach((period, value) -> euSums.get(parts[0] + ":" + EU + ":" + parts[2] + "#SUM")
                    .merge(period, value, Double::sum));
            trendsChecked++;
            String problem = compareTrend(trends.get(key), s.getValue(), calculator, properties);
            if (problem == null && !dataVersions.get(key).equals(trendVersions.get(key))) {
                problem = "data version " + trendVersions.get(key) + ", store " + dataVersions.get(key);
            }
            if (problem != null) {
                trendMismatches++;
                problems.add("TREND " + key + ": " + problem);
            }
        }
        for (Map.Entry<String, Map<String, Double>> total : euSums.entrySet()) {
            trendsChecked++;
            String problem = compareTrend(trends.get(total.getKey()), total.getValue(), calculator, properties);
            if (problem != null) {
                trendMismatches++;
                problems.add("EU TOTAL " + total.getKey() + ": " + problem);
            }
        }
        for (String key : trends.keySet()) {
            if (!series.containsKey(key) && !euSums.containsKey(key)) {
                trendMismatches++;
                problems.add("TREND " + key + " has no series in the store");
            }
        }

        // a readable event on a dead-letter topic is an event its consumer never applied
        long deadLettered = 0;
        try (Admin admin = admin(env)) {
            for (String topic : Suite.of(env).deadLetterTopics()) {
                long n = records(admin, topic);
                if (n > 0) {
                    deadLettered += n;
                    problems.add("DEAD-LETTERED " + n + " record(s) on " + topic + " (the load sends no poison)");
                }
            }
        }

        problems.stream().limit(60).forEach(p -> System.out.println("  " + p));
        if (problems.size() > 60) {
            System.out.println("  ... " + (problems.size() - 60) + " more");
        }
        String line = String.format("submissions_accepted=%d submissions_refused=%d submissions_unanswered=%d "
                        + "observations_checked=%d lost=%d superseded=%d doubled=%d stray=%d misordered=%d wrong_value=%d "
                        + "unanswered_but_stored=%d refused_but_stored=%d trends_checked=%d trend_mismatches=%d dead_lettered=%d",
                acceptedSubmissions.size(), refusedSubmissions.size(), unknownSubmissions.size(), accepted, lost,
                supersededCount, doubled,
                stray, misordered, wrongValue, unknownStored, refusedStored, trendsChecked, trendMismatches, deadLettered);
        System.out.println(line);
        Files.writeString(figures, line + "\n");
        return lost + doubled + stray + misordered + wrongValue + refusedStored + trendMismatches + deadLettered == 0
                && accepted > 0 ? 0 : 1;
    }

    /** @return null when the stored trend shows exactly these points and what the calculator makes of them */
    static String compareTrend(JsonNode stored, Map<String, Double> points, TrendCalculator calculator,
                               MeasureProperties properties) {
        if (stored == null) {
            return "no trend stored";
        }
        Map<String, Double> shown = new TreeMap<>();
        stored.path("points").forEach(p -> shown.put(p.path("period").asText(), p.path("value").asDouble()));
        if (!shown.equals(points)) {
            return "points " + shown + ", store " + points;
        }
        List<PeriodValue> values = points.entrySet().stream().map(e -> new PeriodValue(e.getKey(), e.getValue())).toList();
        TrendResult fresh = calculator.calculate(values, properties);
        JsonNode recomputed = JSON.valueToTree(fresh);
        for (String field : List.of("pointCount", "points", "latest", "yearOnYear", "shortTerm", "longTerm",
                "mannKendall", "senSlope", "overall")) {
            if (!same(stored.path(field), recomputed.path(field))) {
                return field + " " + stored.path(field) + ", recomputed " + recomputed.path(field)
                        + " (measureSource " + stored.path("measureSource").asText() + ")";
            }
        }
        return null;
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble(), y = b.asDouble();
            return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new HashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            return names.stream().allMatch(n -> same(a.path(n), b.path(n)));
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        // absent and null mean the same in a stored document
        if ((a.isMissingNode() || a.isNull()) && (b.isMissingNode() || b.isNull())) {
            return true;
        }
        return a.equals(b);
    }

    // ---------------------------------------------------------------- replay

    /** What a replay must leave unchanged: the store, its outbox, and every trend row as written. */
    static int dump(Map<String, String> env, Path out) throws Exception {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out));
             Connection ind = db(env, "INDICATORS_DB_URL"); Connection rep = db(env, "REPORTING_DB_URL")) {
            dumpQuery(w, ind, "select series_key, data_version, updated_at from series order by series_key");
            dumpQuery(w, ind, "select s.series_key, o.period, o.value, o.submission_id, o.updated_at from observation o "
                    + "join series s on s.id = o.series_id order by 1, 2");
            dumpQuery(w, ind, "select id, series_id, period, value, deleted, event_id, recorded_at from observation_version order by id");
            dumpQuery(w, ind, "select count(*), count(distinct event_id) from processed_event");
            dumpQuery(w, ind, "select count(*) from outbox_event");
            dumpQuery(w, rep, "select series_key, data_version, revision, computed_at, trend::text from series_trend order by series_key");
            dumpQuery(w, rep, "select measure, dimensions_key, area, period, value from country_value order by 1, 2, 3, 4");
        }
        return 0;
    }

    static void dumpQuery(PrintWriter w, Connection c, String sql) throws SQLException {
        w.println("# " + sql);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? "\t" : "").append(r.getString(i));
                }
                w.println(line);
            }
        }
    }

    /** Moves a stopped consumer group back to the start of its topic; retried until the group is empty. */
    static int reset(Map<String, String> env, String group, String topic) throws Exception {
        try (Admin admin = admin(env)) {
            Map<TopicPartition, OffsetSpec> earliest = partitions(admin, topic).stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            Exception last = null;
            for (int i = 0; i < 60; i++) {
                try {
                    admin.alterConsumerGroupOffsets(group, offsets).all().get();
                    System.out.printf("group %s reset to the earliest offsets of %s (lag now %d)%n", group, topic,
                            lag(admin, group, topic));
                    return 0;
                } catch (Exception stillMember) {
                    last = stillMember;
                    Thread.sleep(1000);
                }
            }
            System.out.println("could not reset " + group + ": " + last);
            return 1;
        }
    }

    /** Prints where the records of a topic whose value contains a text are: to look into an ordering failure. */
    static int scan(Map<String, String> env, String topic, String text) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-scan-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int empty = 0;
            while (empty < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    if (r.value() != null && r.value().contains(text)) {
                        System.out.printf("%s-%d@%d %s %s%n", r.topic(), r.partition(), r.offset(),
                                Instant.ofEpochMilli(r.timestamp()), r.value());
                    }
                }
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- poison

    /**
     * A record that is not an event, then a valid one with the same key (so the same partition): the first
     * must reach the dead-letter topic, the second the store.
     */
    static int poison(Map<String, String> env, Path figures) throws Exception {
        String key = key("AT", "M");
        String period = "2003";
        long value = 987654321L;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        RecordMetadata poisonAt, validAt;
        UUID eventId = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            poisonAt = producer.send(new ProducerRecord<>(Suite.of(env).observations(), key, "{not an observation event")).get();
            ObjectNode event = JSON.createObjectNode().put("version", 1).put("eventId", eventId.toString())
                    .put("submissionId", UUID.randomUUID().toString()).put("reporter", "AT").put("action", "MERGE")
                    .put("measure", MEASURE).put("area", "AT").put("period", period).put("value", value)
                    .put("status", "A").putNull("comment").put("receivedAt", Instant.now().toString());
            event.putObject("dimensions").put("AGE", "TOTAL").put("SEX", "M");
            validAt = producer.send(new ProducerRecord<>(Suite.of(env).observations(), key, event.toString())).get();
        }
        System.out.printf("poison at %s-%d@%d, valid record at -%d@%d%n", Suite.of(env).observations(), poisonAt.partition(),
                poisonAt.offset(), validAt.partition(), validAt.offset());
        long deadline = System.currentTimeMillis() + 60_000;
        boolean stored = false, deadLettered = false;
        Properties cprops = new Properties();
        cprops.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        cprops.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-dlq-reader-" + UUID.randomUUID());
        cprops.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cprops, new StringDeserializer(), new StringDeserializer());
             Connection ind = db(env, "INDICATORS_DB_URL")) {
            consumer.subscribe(List.of(Suite.of(env).observations() + ".dlq"));
            while (System.currentTimeMillis() < deadline && !(stored && deadLettered)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Header offset = r.headers().lastHeader("dead-letter-offset");
                    if (offset != null && new String(offset.value(), StandardCharsets.UTF_8).equals(Long.toString(poisonAt.offset()))
                            && key.equals(r.key())) {
                        deadLettered = true;
                        System.out.println("poison found on " + r.topic() + "-" + r.partition() + "@" + r.offset()
                                + " reason: " + new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));
                    }
                }
                stored = scalar(ind, "select count(*) from observation_version where event_id = '" + eventId + "'") == 1;
            }
        }
        String line = String.format("poison_dead_lettered=%s valid_after_poison_stored=%s", deadLettered, stored);
        System.out.println(line);
        Files.writeString(figures, line + "\n");
        return deadLettered && stored ? 0 : 1;
    }

    /**
     * The topics and consumer groups of the suite under test, from the variables the services read, with the
     * services' defaults: the checker looks where the services write.
     */
    record Suite(String observations, String seriesUpdated, String storeGroup, String trendGroup, String copyGroup) {

        static Suite of(Map<String, String> env) {
            return new Suite(env.getOrDefault("OBSERVATIONS_TOPIC", "observations.v1"),
                    env.getOrDefault("SERIES_UPDATED_TOPIC", "series-updated.v1"),
                    env.getOrDefault("INDICATORS_GROUP_ID", "indicators-service"),
                    env.getOrDefault("REPORTING_GROUP_ID", "reporting-service"),
                    env.getOrDefault("SUBMISSIONS_GROUP_ID", "submissions-service"));
        }

        /** Every consumer's dead-letter topic: the store's, the trends' and submissions' copy of the series. */
        List<String> deadLetterTopics() {
            return List.of(observations + ".dlq", seriesUpdated + ".dlq", seriesUpdated + ".submissions.dlq");
        }
    }

    private static double number(Map<String, String> env, String name, double otherwise) {
        String value = env.get(name);
        return value == null || value.isBlank() ? otherwise : Double.parseDouble(value.trim());
    }
}
