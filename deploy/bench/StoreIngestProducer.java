import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark helper (not a test): publishes N observation events to a topic as submissions-service would,
 * keyed by series key, spread over waste-water-like series (area x substance x statistic, 10 periods each).
 * Run by deploy/bench/store.sh with Kafka's client jars: java -cp '.local/kafka/libs/*' StoreIngestProducer.java
 */
public class StoreIngestProducer {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        String[] stats = {"DAILY_MEAN", "WEEKDAY_MEAN", "WEEKEND_MEAN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
        String[] substances = {"COCAINE", "AMPHETAMINE", "METHAMPHETAMINE", "MDMA", "CANNABIS", "KETAMINE"};
        String submission = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                int series = i / 10;
                String area = "B" + (series / 60);
                String substance = substances[(series / 10) % 6];
                String stat = stats[series % 10];
                String period = Integer.toString(2010 + i % 10);
                String key = "PI02.WASTEWATER_LOAD:" + area + ":STAT=" + stat + ",SUBSTANCE=" + substance;
                String value = """
                        {"version":1,"eventId":"%s","submissionId":"%s","reporter":"EUDA","action":"MERGE",\
                        "measure":"PI02.WASTEWATER_LOAD","area":"%s","dimensions":{"STAT":"%s","SUBSTANCE":"%s"},\
                        "period":"%s","value":%d.%02d,"status":"A","comment":null,"receivedAt":"2026-11-22T10:00:00Z"}"""
                        .formatted(UUID.randomUUID(), submission, area, stat, substance, period, i % 1000, i % 100);
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
        }
    }
}
