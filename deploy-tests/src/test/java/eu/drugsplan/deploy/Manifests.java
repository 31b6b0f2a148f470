package eu.drugsplan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Kubernetes objects of deploy/kubernetes, read from their YAML files as a cluster would receive them. */
record Manifests(List<Manifest> all) {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final YAMLMapper YAML = new YAMLMapper();

    /** One object and the file it is written in. */
    record Manifest(Path file, JsonNode object) {
        String kind() {
            return object.path("kind").asText();
        }

        String name() {
            return object.path("metadata").path("name").asText();
        }
    }

    static Manifests under(Path directory) {
        List<Manifest> objects = new ArrayList<>();
        for (Path file : yamlFiles(directory)) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (JsonNode object : documents(file)) {
                objects.add(new Manifest(file, object));
            }
        }
        return new Manifests(objects);
    }

    static Manifests base() {
        return under(KUBERNETES.resolve("base"));
    }

    static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return documents.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).map(Manifest::object).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).map(Manifest::object).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " under " + KUBERNETES));
    }

    /** The data of the ConfigMaps a Deployment's container takes its environment from. */
    List<JsonNode> configMapsOf(JsonNode container) {
        List<JsonNode> maps = new ArrayList<>();
        for (JsonNode source : container.path("envFrom")) {
            String name = source.path("configMapRef").path("name").asText(null);
            if (name != null) {
                maps.add(get("ConfigMap", name).path("data"));
            }
        }
        return maps;
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }
}
