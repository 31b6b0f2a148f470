package eu.drugsplan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The realm the Keycloak component imports in production is the development realm of deploy/local without its
 * people and its development secrets: same roles, clients, mappers and user profile, so that what the e2e tests
 * prove against the local Keycloak holds for the production one. When the development realm changes, write the
 * production realm again with {@code ./mvnw -pl deploy-tests test -Dtest=ProductionRealmTest -Drealm.write=true}.
 */
class ProductionRealmTest {

    private static final Path DEVELOPMENT = Manifests.ROOT.resolve("deploy/local/keycloak/drugsplan-realm-dev.json");
    static final Path PRODUCTION = Manifests.KUBERNETES.resolve("components/keycloak/drugsplan-realm.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    @Test
    void the_production_realm_is_the_development_realm_without_people_and_development_secrets() throws IOException {
        JsonNode expected = productionOf(JSON.readTree(DEVELOPMENT.toFile()));
        if (Boolean.getBoolean("realm.write")) {
            Files.writeString(PRODUCTION, JSON.writeValueAsString(expected) + "\n");
        }
        assertThat(JSON.readTree(PRODUCTION.toFile()))
                .as(PRODUCTION + " is behind " + DEVELOPMENT + ": write it again (see this test's comment)")
                .isEqualTo(expected);
    }

    @Test
    void no_development_secret_user_or_address_reaches_production() throws IOException {
        String realm = Files.readString(PRODUCTION);
        assertThat(realm).doesNotContain("dev-only", "127.0.0.1", "localhost", "\"credentials\"", "dev.drugsplan.invalid");
        for (JsonNode user : JSON.readTree(realm).path("users")) {
            assertThat(user.has("serviceAccountClientId")).as(user.path("username").asText() + " is a person").isTrue();
        }
        for (JsonNode client : JSON.readTree(realm).path("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                assertThat(client.path("secret").asText()).matches(PLACEHOLDER);
            }
        }
    }

    @Test
    void every_placeholder_of_the_realm_is_given_to_keycloak_by_its_deployment() throws IOException {
        List<String> placeholders = placeholders(Files.readString(PRODUCTION));
        assertThat(placeholders).contains("EUDA_SYSTEM_SECRET", "DASHBOARD_URL");
        Manifests keycloak = Manifests.under(Manifests.KUBERNETES.resolve("components/keycloak"));
        JsonNode container = Manifests.container(keycloak.get("Deployment", "keycloak"));
        JsonNode config = keycloak.get("ConfigMap", "keycloak-config").path("data");
        String secret = null;
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("secretRef")) {
                secret = source.path("secretRef").path("name").asText();
            }
        }
        assertThat(secret).isEqualTo("drugsplan-keycloak-clients");
        String readme = Files.readString(Manifests.ROOT.resolve("deploy/README.md"));
        for (String placeholder : placeholders) {
            boolean configured = config.has(placeholder);
            assertThat(configured || readme.contains(placeholder))
                    .as(placeholder + " is in keycloak-config or documented as a key of " + secret).isTrue();
        }
    }

    /** The one rule: people and their credentials out, client secrets and the dashboard's address as placeholders. */
    static JsonNode productionOf(JsonNode development) {
        ObjectNode realm = development.deepCopy();
        ArrayNode systems = JSON.createArrayNode();
        realm.path("users").forEach(user -> {
            if (user.has("serviceAccountClientId")) {
                systems.add(user);
            }
        });
        realm.set("users", systems);
        for (JsonNode node : realm.path("clients")) {
            ObjectNode client = (ObjectNode) node;
            if (client.has("secret")) {
                client.put("secret", "${" + client.path("clientId").asText().toUpperCase().replace('-', '_') + "_SECRET}");
            }
            if (client.path("publicClient").asBoolean()) {
                client.set("redirectUris", JSON.createArrayNode().add("${DASHBOARD_URL}/*"));
                ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris", "${DASHBOARD_URL}/*");
            }
        }
        return realm;
    }

    private static List<String> placeholders(String realm) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(realm);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
