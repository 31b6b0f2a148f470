import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends series-updated events (20 annual points each, Member States of a SUM measure, so every event also
 * re-sums an EU total) to a running reporting-service and reads its trend.update timer: the time one
 * event takes to apply. Run by trend-update-cost.sh with Kafka's client jars on the class path.
 *
 * usage: java -cp 'kafka-libs/*' TrendUpdateCost.java BOOTSTRAP TOPIC METRICS_URL SERIES ROUNDS WARMUP_ROUNDS
 */
public class TrendUpdateCost {

    static final String[] MEMBER_STATES = {"BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR", "HR", "IT",
            "CY", "LV", "LT", "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE"};
    static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        URI metrics = URI.create(args[2]);
        int series = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Random random = new Random(42);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            send(producer, topic, series, 1, warmup, random);
            Map<String, Double> before = awaitCount(metrics, (long) series * warmup);
            send(producer, topic, series, warmup + 1, warmup + rounds, random);
            long started = System.nanoTime();
            Map<String, Double> after = awaitCount(metrics, (long) series * (warmup + rounds));
            double seconds = (System.nanoTime() - started) / 1e9;
            double count = after.get("count") - before.get("count");
            double mean = (after.get("sum") - before.get("sum")) / count;
            System.out.printf("events=%d mean_ms=%.3f p50_ms=%.3f p99_ms=%.3f drain_events_per_s=%.0f%n",
                    (long) count, mean * 1000, after.get("p50") * 1000, after.get("p99") * 1000, count / seconds);
        }
    }

    static void send(KafkaProducer<String, String> producer, String topic, int series, int fromVersion, int toVersion,
                     Random random) {
        for (int version = fromVersion; version <= toVersion; version++) {
            for (int s = 0; s < series; s++) {
                String area = MEMBER_STATES[s % MEMBER_STATES.length];
                String sex = "B" + (s / MEMBER_STATES.length);
                String key = MEASURE + ":" + area + ":AGE=TOTAL,SEX=" + sex;
                StringBuilder points = new StringBuilder();
                for (int year = 2000; year < 2020; year++) {
                    points.append(points.isEmpty() ? "" : ",").append("{\"period\":\"").append(year)
                            .append("\",\"value\":").append(100 + random.nextInt(50)).append(",\"status\":\"A\"}");
                }
                String event = "{\"version\":1,\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"seriesKey\":\"" + key
                        + "\",\"measure\":\"" + MEASURE + "\",\"area\":\"" + area
                        + "\",\"dimensions\":{\"AGE\":\"TOTAL\",\"SEX\":\"" + sex + "\"},\"dataVersion\":" + version
                        + ",\"changedAt\":\"" + Instant.now() + "\",\"observations\":[" + points + "]}";
                producer.send(new ProducerRecord<>(topic, key, event));
            }
        }
        producer.flush();
    }

    /** Waits until the timer has counted this many updates; returns count, sum (s), p50 and p99 (s). */
    static Map<String, Double> awaitCount(URI metrics, long expected) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Double> timer = new HashMap<>();
            String text = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("trend_update_seconds_count")) {
                    timer.put("count", value(line));
                } else if (line.startsWith("trend_update_seconds_sum")) {
                    timer.put("sum", value(line));
                } else if (line.startsWith("trend_update_seconds{") && line.contains("quantile=\"0.5\"")) {
                    timer.put("p50", value(line));
                } else if (line.startsWith("trend_update_seconds{") && line.contains("quantile=\"0.99\"")) {
                    timer.put("p99", value(line));
                }
            }
            if (timer.getOrDefault("count", 0.0) >= expected) {
                return timer;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("reporting-service did not apply " + expected + " updates in 10 minutes");
    }

    static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
