package eu.drugsplan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Strimzi Kafka cluster and the CloudNativePG PostgreSQL cluster hold what the services expect. */
class PlatformManifestsMatchTheCodeTest {

    private static final Manifests BASE = Manifests.base();
    private static final List<String> SERVICES_WITH_A_DATABASE = List.of("indicators-service", "submissions-service",
            "reporting-service");

    static List<String> services() {
        return ServiceCode.SERVICES;
    }

    static List<String> servicesWithADatabase() {
        return SERVICES_WITH_A_DATABASE;
    }

    @ParameterizedTest
    @MethodSource("services")
    void every_topic_a_service_uses_is_declared_with_three_copies_two_of_them_in_sync(String service) {
        for (String topic : ServiceCode.of(service).topics()) {
            JsonNode declared = topic(topic);
            assertThat(declared.path("spec").path("replicas").asInt()).as(topic).isEqualTo(3);
            assertThat(declared.path("spec").path("config").path("min.insync.replicas").asInt()).as(topic).isEqualTo(2);
            assertThat(declared.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(topic)
                    .isEqualTo(kafka().path("metadata").path("name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void topic_names_given_to_a_service_are_its_own_defaults_and_their_dead_letter_topics_exist(String service) {
        ServiceCode code = ServiceCode.of(service);
        Map<String, String> environment = configMapOf(service);
        environment.forEach((name, value) -> {
            if (name.endsWith("_TOPIC")) {
                assertThat(code.topics()).as(name).contains(value);
                topic(value);
            }
        });
        for (String consumed : code.consumedTopics()) {
            topic(consumed + ".dlq");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void no_autoscaler_adds_more_consumers_than_the_topic_has_partitions(String service) {
        int maxReplicas = BASE.get("HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt();
        for (String consumed : ServiceCode.of(service).consumedTopics()) {
            assertThat(maxReplicas).as(service + " consuming " + consumed)
                    .isLessThanOrEqualTo(topic(consumed).path("spec").path("partitions").asInt());
        }
    }

    @Test
    void kafka_is_three_nodes_in_kraft_mode_that_acknowledge_a_write_once_two_copies_have_it() {
        JsonNode pool = BASE.ofKind("KafkaNodePool").get(0);
        assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(pool.path("spec").path("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("controller", "broker");
        assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                .isEqualTo(kafka().path("metadata").path("name").asText());
        JsonNode config = kafka().path("spec").path("kafka").path("config");
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("services")
    void services_reach_kafka_through_the_clusters_bootstrap_service(String service) {
        String bootstrap = configMapOf(service).get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null) {
            assertThat(ServiceCode.of(service).topics()).as(service + " uses Kafka but is not told where it is").isEmpty();
            return;
        }
        JsonNode listener = kafka().path("spec").path("kafka").path("listeners").path(0);
        assertThat(listener.path("tls").asBoolean(true)).isFalse();
        assertThat(bootstrap).isEqualTo(kafka().path("metadata").path("name").asText() + "-kafka-bootstrap:"
                + listener.path("port").asInt());
    }

    @ParameterizedTest
    @MethodSource("servicesWithADatabase")
    void each_service_gets_its_own_database_on_the_postgres_primary_as_the_role_that_owns_it(String service) {
        String prefix = service.substring(0, service.indexOf('-')).toUpperCase();
        ServiceCode code = ServiceCode.of(service);
        URI url = URI.create(configMapOf(service).get(prefix + "_DB_URL").substring("jdbc:".length()));
        String defaultDatabase = URI.create(code.resolved("quarkus.datasource.jdbc.url").substring("jdbc:".length())).getPath();
        JsonNode cluster = BASE.ofKind("Cluster").get(0);

        assertThat(url.getHost()).isEqualTo(cluster.path("metadata").path("name").asText() + "-rw");
        assertThat(url.getPath()).isEqualTo(defaultDatabase);
        String database = url.getPath().substring(1);
        String owner = databaseOwners(cluster).get(database);
        assertThat(owner).as("a database " + database + " in the PostgreSQL cluster").isNotNull();
        String secret = roleSecrets(cluster).get(owner);
        JsonNode container = Manifests.container(BASE.get("Deployment", service));
        for (String variable : List.of(prefix + "_DB_USER", prefix + "_DB_PASSWORD")) {
            JsonNode reference = secretReference(container, variable);
            assertThat(reference.path("name").asText()).as(variable).isEqualTo(secret);
        }
    }

    @Test
    void secrets_are_referenced_by_name_never_written_in_the_manifests_and_each_is_documented() throws Exception {
        String readme = Files.readString(Manifests.ROOT.resolve("deploy/README.md"));
        Set<String> referenced = new HashSet<>();
        for (Path file : Manifests.yamlFiles(Manifests.KUBERNETES)) {
            for (JsonNode object : Manifests.documents(file)) {
                assertThat(object.path("kind").asText()).as(file.toString()).isNotEqualTo("Secret");
                assertThat(object.has("secretGenerator")).as(file.toString()).isFalse();
                collectSecretNames(object, referenced);
            }
        }
        assertThat(referenced).contains("drugsplan-indicators-db", "drugsplan-jwt-verification");
        for (String secret : referenced) {
            assertThat(readme).as("deploy/README.md explains the Secret " + secret).contains(secret);
        }
    }

    private static JsonNode kafka() {
        return BASE.ofKind("Kafka").get(0);
    }

    private static JsonNode topic(String name) {
        return BASE.ofKind("KafkaTopic").stream()
                .filter(t -> t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + name));
    }

    private static Map<String, String> configMapOf(String service) {
        Map<String, String> data = new HashMap<>();
        BASE.configMapsOf(Manifests.container(BASE.get("Deployment", service)))
                .forEach(map -> map.fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText())));
        return data;
    }

    /** database -> owner: the bootstrap database and every Database resource of the cluster */
    private static Map<String, String> databaseOwners(JsonNode cluster) {
        Map<String, String> owners = new HashMap<>();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        for (JsonNode database : BASE.ofKind("Database")) {
            if (database.path("spec").path("cluster").path("name").asText().equals(cluster.path("metadata").path("name").asText())) {
                owners.put(database.path("spec").path("name").asText(), database.path("spec").path("owner").asText());
            }
        }
        return owners;
    }

    /** role -> the Secret holding its user name and password */
    private static Map<String, String> roleSecrets(JsonNode cluster) {
        Map<String, String> secrets = new HashMap<>();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        secrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        cluster.path("spec").path("managed").path("roles").forEach(role ->
                secrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText()));
        return secrets;
    }

    private static JsonNode secretReference(JsonNode container, String variable) {
        for (JsonNode candidate : container.path("env")) {
            if (candidate.path("name").asText().equals(variable) && candidate.path("valueFrom").has("secretKeyRef")) {
                return candidate.path("valueFrom").path("secretKeyRef");
            }
        }
        throw new AssertionError(variable + " is not taken from a Secret");
    }

    private static void collectSecretNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if ((key.equals("secretKeyRef") || key.equals("secretRef") || key.equals("passwordSecret") || key.equals("secret")
                        || key.equals("accessKeyId") || key.equals("secretAccessKey")) && value.has("name")) {
                    names.add(value.path("name").asText());
                } else if (key.equals("secretName")) {
                    names.add(value.asText());
                }
                collectSecretNames(value, names);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectSecretNames(element, names));
        }
    }
}
