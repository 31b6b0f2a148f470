package eu.drugsplan.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's code says about how it runs: its application.properties, read the way Quarkus resolves
 * them when no environment variable is set ({@code ${VAR:default}} gives the default).
 */
record ServiceCode(String module, Properties properties) {

    static final List<String> SERVICES = List.of("indicators-service", "submissions-service", "reporting-service", "gateway");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern INNERMOST_EXPRESSION = Pattern.compile("\\$\\{([^${}:]+)(?::([^${}]*))?}");

    static ServiceCode of(String module) {
        Path file = Manifests.ROOT.resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceCode(module, properties);
    }

    /** The environment variables its configuration reads, in any profile. */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = ENVIRONMENT_VARIABLE.matcher(properties.getProperty(key));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The value of a key in the prod profile when no environment variable overrides it. */
    String resolved(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new AssertionError(module + " has no " + key);
        }
        return resolve(value);
    }

    private String resolve(String value) {
        Matcher matcher = INNERMOST_EXPRESSION.matcher(value);
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = properties.containsKey(name) ? properties.getProperty(name) : matcher.group(2);
            if (replacement == null) {
                throw new AssertionError(module + ": ${" + name + "} has no default");
            }
            value = value.substring(0, matcher.start()) + replacement + value.substring(matcher.end());
            matcher = INNERMOST_EXPRESSION.matcher(value);
        }
        return value;
    }

    int httpPort() {
        return Integer.parseInt(resolved("quarkus.http.port"));
    }

    /** The port of health and metrics, or -1 when they are served on the HTTP port. */
    int managementPort() {
        boolean enabled = Boolean.parseBoolean(properties.getProperty("quarkus.management.enabled", "false"));
        return enabled ? Integer.parseInt(resolved("quarkus.management.port")) : -1;
    }

    /**
     * The topics its channels read, write and dead-letter to, and those its outbox writes to by a setting of its
     * own ({@code indicators.catalogue-topic}, {@code submissions.review-topic}: records name their topic).
     */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            boolean channel = key.startsWith("mp.messaging.") && key.endsWith(".topic");
            boolean outbox = !key.startsWith("%") && !key.startsWith("mp.") && key.endsWith("-topic");
            if (channel || outbox) {
                topics.add(resolved(key));
            }
        }
        return topics;
    }

    /**
     * The topics it consumes in a shared consumer group. A group of each process's own ({@code ${quarkus.uuid}} in
     * its id: the catalogue, read whole by every replica) shares no partitions and dead-letters nothing.
     */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")
                    && !properties.getProperty(key).contains("${quarkus.uuid}")) {
                topics.add(resolved(key.replace(".group.id", ".topic")));
            }
        }
        return topics;
    }
}
