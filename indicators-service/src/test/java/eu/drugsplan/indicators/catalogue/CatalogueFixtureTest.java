package eu.drugsplan.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The catalogue the other modules' tests validate against (test-support's fixtures/catalogue-event.json, published
 * by their stand-ins for this service) is the catalogue event this service publishes from its own migrations: the
 * fixture is generated here, never written by hand. With {@code -Dfixtures.update=true} (or the script
 * deploy/local/catalogue-fixture.sh) the test rewrites it; otherwise it fails when a migration changed the catalogue
 * and the fixture was not regenerated.
 */
@QuarkusTest
class CatalogueFixtureTest {

    static final Path FIXTURE = Path.of("..").toAbsolutePath().normalize()
            .resolve("test-support/src/main/resources/fixtures/catalogue-event.json");
    /** The fixture's own id and time: a stand-in gives each publication a new id and the time it publishes. */
    private static final String FIXTURE_ID = "00000000-0000-0000-0000-000000000000";

    @Inject
    CatalogueCache catalogue;

    @Inject
    ObjectMapper json;

    @Test
    void the_test_fixture_is_the_catalogue_event_of_the_migrations() throws Exception {
        CatalogueEvent event = CatalogueEvents.of(catalogue.current(), json, Instant.EPOCH);
        ObjectNode published = json.valueToTree(event);
        published.put("eventId", FIXTURE_ID);
        // through text once, as the fixture is read, so that a number compares as it reads back
        String expected = canonical(json.readTree(published.toString()));
        if (Boolean.getBoolean("fixtures.update")) {
            Files.writeString(FIXTURE, expected, StandardCharsets.UTF_8);
        }

        assertThat(FIXTURE).as("the fixture; write it with deploy/local/catalogue-fixture.sh").exists();
        assertThat(canonical(json.readTree(Files.readString(FIXTURE, StandardCharsets.UTF_8))))
                .as("%s is not the catalogue of the migrations; regenerate it with deploy/local/catalogue-fixture.sh",
                        FIXTURE)
                .isEqualTo(expected);
    }

    /** One layout (keys sorted, indented), so that only a change of content fails and the diff shows which. */
    private String canonical(JsonNode tree) throws Exception {
        Object plain = json.treeToValue(tree, Object.class);
        return json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(plain) + "\n";
    }
}
