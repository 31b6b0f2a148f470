package eu.drugsplan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Kustomize base and overlays hang together and render to what a cluster would accept. */
class KustomizationsTest {

    @Test
    void every_manifest_parses_and_names_its_api_kind_and_name() {
        Manifests all = Manifests.under(Manifests.KUBERNETES);
        assertThat(all.all()).hasSizeGreaterThan(20);
        for (Manifests.Manifest manifest : all.all()) {
            JsonNode object = manifest.object();
            String where = manifest.file().toString();
            if (object.has("patch") || isPatch(manifest)) {
                continue;
            }
            assertThat(object.path("apiVersion").asText()).as(where).isNotBlank();
            assertThat(manifest.kind()).as(where).isNotBlank();
            assertThat(manifest.name()).as(where).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        }
    }

    @Test
    void every_file_a_kustomization_names_exists_and_every_manifest_is_named_by_one() {
        Set<Path> named = new HashSet<>();
        for (Path kustomization : kustomizations()) {
            JsonNode spec = Manifests.documents(kustomization).get(0);
            Path directory = kustomization.getParent();
            for (JsonNode resource : spec.path("resources")) {
                Path target = directory.resolve(resource.asText()).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as(kustomization + " names " + resource.asText()).isTrue();
                named.add(target);
            }
            for (JsonNode patch : spec.path("patches")) {
                if (patch.has("path")) {
                    Path target = directory.resolve(patch.path("path").asText()).normalize();
                    assertThat(target).as(kustomization + " patch").isRegularFile();
                    named.add(target);
                }
            }
        }
        for (Path file : Manifests.yamlFiles(Manifests.KUBERNETES)) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                assertThat(named).as(file + " is used by a kustomization").contains(file);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production", "production-keycloak"})
    void the_overlay_renders_with_kubectl_kustomize_into_one_namespace(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        String namespace = objects.stream().filter(o -> o.path("kind").asText().equals("Namespace"))
                .map(o -> o.path("metadata").path("name").asText()).findFirst().orElseThrow();
        for (JsonNode object : objects) {
            if (!object.path("kind").asText().equals("Namespace")) {
                assertThat(object.path("metadata").path("namespace").asText()).as(object.path("metadata").path("name").asText())
                        .isEqualTo(namespace);
            }
        }
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("Deployment"))
                .hasSize(overlay.endsWith("keycloak") ? 5 : 4);
    }

    @Test
    void production_verifies_tokens_with_the_key_set_of_the_provider_it_is_configured_with() throws Exception {
        List<JsonNode> objects = render("production");
        JsonNode provider = Manifests.documents(Manifests.KUBERNETES.resolve("overlays/production/openid-provider.yaml")).get(0);
        for (String service : List.of("gateway", "submissions-service")) {
            JsonNode config = rendered(objects, "ConfigMap", service.equals("gateway") ? "gateway-config" : service + "-config").path("data");
            assertThat(config.path("JWT_ISSUER").asText()).isEqualTo(provider.path("data").path("issuer").asText());
            assertThat(config.path("JWT_PUBLIC_KEY_LOCATION").asText()).isEqualTo(provider.path("data").path("jwks-url").asText())
                    .startsWith("https://");
            JsonNode pod = rendered(objects, "Deployment", service).path("spec").path("template").path("spec");
            assertThat(pod.toString()).as(service + " mounts no verification key").doesNotContain("drugsplan-jwt-verification");
        }
        // people sign in to the dashboard with the same provider, and its public client for the dashboard
        JsonNode gateway = rendered(objects, "ConfigMap", "gateway-config").path("data");
        assertThat(gateway.path("SIGN_IN_ISSUER").asText()).isEqualTo(provider.path("data").path("issuer").asText());
        assertThat(gateway.path("SIGN_IN_CLIENT_ID").asText())
                .isEqualTo(provider.path("data").path("dashboard-client-id").asText()).isNotBlank();
        assertThat(objects).as("the provider's ConfigMap is configuration of the render only")
                .noneMatch(o -> o.path("metadata").path("name").asText().equals("openid-provider"));
    }

    @Test
    void with_the_keycloak_component_the_services_trust_that_keycloak_by_its_public_issuer() throws Exception {
        List<JsonNode> objects = render("production-keycloak");
        String host = rendered(objects, "ConfigMap", "keycloak-config").path("data").path("KC_HOSTNAME").asText();
        String realm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ProductionRealmTest.PRODUCTION.toFile())
                .path("realm").asText();
        JsonNode service = rendered(objects, "Service", "keycloak");
        int port = service.path("spec").path("ports").get(0).path("port").asInt();
        for (String config : List.of("gateway-config", "submissions-service-config")) {
            JsonNode data = rendered(objects, "ConfigMap", config).path("data");
            assertThat(data.path("JWT_ISSUER").asText()).isEqualTo(host + "/realms/" + realm);
            assertThat(data.path("JWT_PUBLIC_KEY_LOCATION").asText())
                    .isEqualTo("http://keycloak:" + port + "/realms/" + realm + "/protocol/openid-connect/certs");
        }
        JsonNode gateway = rendered(objects, "ConfigMap", "gateway-config").path("data");
        assertThat(gateway.path("SIGN_IN_ISSUER").asText()).as("the browser signs in at the public host")
                .isEqualTo(host + "/realms/" + realm);
        assertThat(gateway.path("SIGN_IN_CLIENT_ID").asText()).isEqualTo("drugsplan-dashboard");
        JsonNode ingress = rendered(objects, "Ingress", "keycloak");
        assertThat("https://" + ingress.path("spec").path("rules").get(0).path("host").asText()).isEqualTo(host);
        JsonNode cluster = rendered(objects, "Cluster", "drugsplan-postgres");
        assertThat(cluster.path("spec").path("managed").path("roles").findValuesAsText("name")).contains("keycloak");
        assertThat(rendered(objects, "Database", "drugsplan-keycloak").path("spec").path("owner").asText()).isEqualTo("keycloak");
    }

    private static JsonNode rendered(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().startsWith(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void production_pulls_every_image_from_its_registry_and_keeps_three_copies_of_everything() throws Exception {
        List<JsonNode> objects = render("production");
        for (JsonNode object : objects) {
            switch (object.path("kind").asText()) {
                case "Deployment" -> assertThat(Manifests.container(object).path("image").asText())
                        .startsWith("registry.example.eu/drugsplan/" + object.path("metadata").path("name").asText() + ":");
                case "KafkaNodePool" -> assertThat(object.path("spec").path("replicas").asInt()).isEqualTo(3);
                case "KafkaTopic" -> assertThat(object.path("spec").path("replicas").asInt()).isEqualTo(3);
                case "Cluster" -> {
                    assertThat(object.path("spec").path("instances").asInt()).isEqualTo(3);
                    assertThat(object.path("spec").path("backup").path("barmanObjectStore").isObject()).isTrue();
                    assertThat(object.path("spec").path("bootstrap").path("initdb").path("database").asText()).isEqualTo("indicators");
                }
                default -> {
                }
            }
        }
        assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("ScheduledBackup")).hasSize(1);
    }

    private static boolean isPatch(Manifests.Manifest manifest) {
        return !manifest.file().startsWith(Manifests.KUBERNETES.resolve("base")) && !manifest.object().has("apiVersion");
    }

    private static List<Path> kustomizations() {
        return Manifests.yamlFiles(Manifests.KUBERNETES).stream()
                .filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
    }

    /** The overlay as `kubectl kustomize` renders it; skipped where kubectl is not installed. */
    private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", Manifests.KUBERNETES.resolve("overlays").resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "kubectl is not installed: the overlays are not rendered");
            throw notInstalled;
        }
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize " + overlay).isZero();
        return Manifests.parse(rendered);
    }
}
