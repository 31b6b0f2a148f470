import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark helper (not a test): publishes a CSV of observations (measure,area,period,value,status,comment,action,
 * SUBSTANCE,STAT, as deploy/bench/ingest.sh writes it) as submissions-service does: one submission, cut into
 * chunks of CHUNK rows, and within a chunk one event (version 2) per series with that series' rows in order.
 * Prints the number of events published. Run by deploy/bench/store-copy.sh with Kafka's client jars.
 */
public class StoreCsvEvents {

    private static final int CHUNK = 20_000;
    private static final int ROWS_PER_EVENT = 1_000;

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        String topic = args[1];
        String submission = UUID.randomUUID().toString();
        long events = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config);
             BufferedReader csv = Files.newBufferedReader(Path.of(args[2]))) {
            csv.readLine();
            List<String[]> chunk = new ArrayList<>(CHUNK);
            for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                chunk.add(line.split(",", -1));
                if (chunk.size() == CHUNK) {
                    events += publish(producer, topic, submission, chunk);
                    chunk.clear();
                }
            }
            events += publish(producer, topic, submission, chunk);
            producer.flush();
        }
        System.out.println(events);
    }

    private static int publish(KafkaProducer<String, String> producer, String topic, String submission,
                               List<String[]> chunk) {
        Map<String, List<String[]>> bySeries = new LinkedHashMap<>();
        for (String[] row : chunk) {
            bySeries.computeIfAbsent(row[0] + ":" + row[1] + ":STAT=" + row[8] + ",SUBSTANCE=" + row[7],
                    key -> new ArrayList<>()).add(row);
        }
        int events = 0;
        for (Map.Entry<String, List<String[]>> series : bySeries.entrySet()) {
            List<String[]> rows = series.getValue();
            for (int from = 0; from < rows.size(); from += ROWS_PER_EVENT) {
                producer.send(new ProducerRecord<>(topic, series.getKey(),
                        event(submission, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_EVENT)))));
                events++;
            }
        }
        return events;
    }

    private static String event(String submission, List<String[]> rows) {
        String[] first = rows.get(0);
        StringBuilder json = new StringBuilder().append("{\"version\":2,\"eventId\":\"").append(UUID.randomUUID())
                .append("\",\"submissionId\":\"").append(submission).append("\",\"reporter\":\"EUDA\",\"measure\":\"")
                .append(first[0]).append("\",\"area\":\"").append(first[1]).append("\",\"dimensions\":{\"STAT\":\"")
                .append(first[8]).append("\",\"SUBSTANCE\":\"").append(first[7])
                .append("\"},\"receivedAt\":\"2026-12-02T10:00:00Z\",\"observations\":[");
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            json.append(i == 0 ? "" : ",").append("{\"action\":\"MERGE\",\"period\":\"").append(row[2])
                    .append("\",\"value\":").append(row[3].isEmpty() ? "null" : row[3])
                    .append(",\"status\":\"").append(row[4].isEmpty() ? "A" : row[4]).append("\",\"comment\":null}");
        }
        return json.append("]}").toString();
    }
}
