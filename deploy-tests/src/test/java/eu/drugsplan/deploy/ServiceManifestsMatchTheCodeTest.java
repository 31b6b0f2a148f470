package eu.drugsplan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Deployment, Service, ConfigMap and autoscaler say what the service's code expects. */
class ServiceManifestsMatchTheCodeTest {

    private static final Manifests BASE = Manifests.base();

    static List<String> services() {
        return ServiceCode.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void the_deployment_runs_the_image_the_build_writes(String service) throws Exception {
        // deploy/images.sh: quarkus.container-image.group / application name : project version
        String pom = Files.readString(Manifests.ROOT.resolve("pom.xml"));
        String group = tag(pom, "quarkus.container-image.group");
        String version = tag(pom.substring(pom.indexOf("<artifactId>drugs-plan-monitoring</artifactId>")), "version");
        String applicationName = ServiceCode.of(service).resolved("quarkus.application.name");

        String image = Manifests.container(BASE.get("Deployment", service)).path("image").asText();

        assertThat(image).isEqualTo(group + "/" + applicationName + ":" + version);
    }

    @ParameterizedTest
    @MethodSource("services")
    void the_container_port_and_the_service_port_are_the_port_the_service_listens_on(String service) {
        int port = ServiceCode.of(service).httpPort();
        JsonNode deployment = BASE.get("Deployment", service);
        JsonNode containerPort = Manifests.container(deployment).path("ports").path(0);

        assertThat(containerPort.path("containerPort").asInt()).isEqualTo(port);
        JsonNode servicePort = BASE.get("Service", service).path("spec").path("ports").path(0);
        assertThat(servicePort.path("port").asInt()).isEqualTo(port);
        assertThat(servicePort.path("targetPort").asText()).isEqualTo(containerPort.path("name").asText());
    }

    /** Health and metrics are on the management port: the probes and the scrape ask there, no Service names it. */
    @ParameterizedTest
    @MethodSource("services")
    void probes_and_the_scrape_ask_the_management_port_which_no_service_exposes(String service) {
        int management = ServiceCode.of(service).managementPort();
        JsonNode deployment = BASE.get("Deployment", service);
        JsonNode container = Manifests.container(deployment);
        assertThat(management).as("quarkus.management.port of " + service).isPositive();

        assertThat(namedPort(container, "management")).isEqualTo(management);
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("management");
        }
        JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(management));
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        // bound on loopback by default: the kubelet and Prometheus reach it only on the pod's address
        assertThat(BASE.configMapsOf(container)).anySatisfy(data ->
                assertThat(data.path("MANAGEMENT_HOST").asText()).isEqualTo("0.0.0.0"));
        BASE.get("Service", service).path("spec").path("ports").forEach(port -> {
            assertThat(port.path("port").asInt()).isNotEqualTo(management);
            assertThat(port.path("targetPort").asText()).isNotIn("management", String.valueOf(management));
        });
    }

    private static int namedPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    @ParameterizedTest
    @MethodSource("services")
    void every_environment_variable_given_to_the_service_is_one_its_configuration_reads(String service) {
        Set<String> read = ServiceCode.of(service).environmentVariables();
        JsonNode container = Manifests.container(BASE.get("Deployment", service));

        assertThat(environmentNames(container)).isNotEmpty().isSubsetOf(read);
    }

    @ParameterizedTest
    @MethodSource("services")
    void the_service_has_requests_and_limits_an_autoscaler_and_a_disruption_budget(String service) {
        JsonNode resources = Manifests.container(BASE.get("Deployment", service)).path("resources");
        assertThat(resources.path("requests").path("cpu").isMissingNode()).isFalse();
        assertThat(resources.path("requests").path("memory").isMissingNode()).isFalse();
        assertThat(resources.path("limits").path("memory").isMissingNode()).isFalse();

        JsonNode autoscaler = BASE.get("HorizontalPodAutoscaler", service).path("spec");
        assertThat(autoscaler.path("scaleTargetRef").path("name").asText()).isEqualTo(service);
        assertThat(autoscaler.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);

        JsonNode budget = BASE.get("PodDisruptionBudget", service).path("spec");
        assertThat(budget.path("selector").path("matchLabels"))
                .isEqualTo(BASE.get("Deployment", service).path("spec").path("selector").path("matchLabels"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void urls_to_other_services_name_a_service_and_its_port(String service) {
        JsonNode container = Manifests.container(BASE.get("Deployment", service));
        for (String url : environmentValues(container, BASE)) {
            if (!url.startsWith("http://")) {
                continue;
            }
            URI uri = URI.create(url);
            JsonNode target = BASE.get("Service", uri.getHost());
            assertThat(target.path("spec").path("ports").path(0).path("port").asInt()).as(url).isEqualTo(uri.getPort());
        }
    }

    @Test
    void the_ingress_leads_to_the_gateway_only() {
        JsonNode backend = BASE.get("Ingress", "gateway").path("spec").path("rules").path(0).path("http")
                .path("paths").path(0).path("backend").path("service");
        assertThat(backend.path("name").asText()).isEqualTo("gateway");
        assertThat(backend.path("port").path("name").asText()).isEqualTo("http");
    }

    static Set<String> environmentNames(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
        BASE.configMapsOf(container).forEach(data -> data.fieldNames().forEachRemaining(names::add));
        return names;
    }

    static List<String> environmentValues(JsonNode container, Manifests manifests) {
        List<String> values = new ArrayList<>();
        container.path("env").forEach(variable -> {
            if (variable.has("value")) {
                values.add(variable.path("value").asText());
            }
        });
        manifests.configMapsOf(container).forEach(data -> data.forEach(value -> values.add(value.asText())));
        return values;
    }

    private static String tag(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(xml);
        assertThat(matcher.find()).as("<" + name + "> in pom.xml").isTrue();
        return matcher.group(1).trim();
    }
}
