package eu.drugsplan.reporting.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes a catalogue as indicators-service does at its start, on a topic of this test application's own
 * ({@code CATALOGUE_TOPIC}), before the application starts: the measures and the REF_AREA code list of the JSON
 * fixtures (src/test/resources/catalogue, shaped like indicators-service's catalogue answers). The end-to-end
 * tests run the real catalogue and its publication.
 */
public class CatalogueOnTopic implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public Map<String, String> start() {
        CatalogueEvent catalogue = new CatalogueEvent(CatalogueEvent.CURRENT_VERSION, UUID.randomUUID(), "test",
                Instant.now(), JSON.convertValue(fixture("measures.json"), new TypeReference<List<CatalogueEvent.Measure>>() {
                }), JSON.convertValue(fixture("codelist-REF_AREA.json").get("codes"),
                new TypeReference<List<CatalogueEvent.Area>>() {
                }), Map.of(), List.of());
        String topic = "reporting-test-catalogue-" + UUID.randomUUID();
        try {
            TopicProbe.send(topic, CatalogueEvent.KEY, JSON.writeValueAsString(catalogue));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("CATALOGUE_TOPIC", topic);
    }

    @Override
    public void stop() {
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = CatalogueOnTopic.class.getResourceAsStream("/catalogue/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
