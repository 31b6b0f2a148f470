import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the catalogue of reporting-service's test fixtures as indicators-service publishes its own (contracts'
 * CatalogueEvent: measures and the REF_AREA codes, key "catalogue"), so that the benchmarked service judges and
 * totals as it does in the suite. Run with the broker's jars (they include Jackson):
 * java -cp 'libs/*' PublishCatalogue.java BOOTSTRAP TOPIC FIXTURES_DIR
 */
public class PublishCatalogue {

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path fixtures = Path.of(args[2]);
        ObjectNode event = json.createObjectNode();
        event.put("version", 1);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("catalogueVersion", "bench");
        event.put("publishedAt", Instant.now().toString());
        event.set("measures", json.readTree(Files.readString(fixtures.resolve("measures.json"))));
        event.set("areas", json.readTree(Files.readString(fixtures.resolve("codelist-REF_AREA.json"))).get("codes"));
        Map<String, Object> config = Map.of("bootstrap.servers", args[0], "acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(args[1], "catalogue", json.writeValueAsString(event))).get();
        }
        System.out.println("catalogue published on " + args[1]);
    }
}
