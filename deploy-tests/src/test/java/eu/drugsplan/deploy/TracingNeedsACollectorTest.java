package eu.drugsplan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services trace (and export over OTLP) only where a collector is named. Resolved as Quarkus resolves it in
 * production: the service's application.properties, the environment above it, and below them the default the
 * OpenTelemetry extension gives its endpoint - the default that once turned the SDK on everywhere.
 */
class TracingNeedsACollectorTest {

    private static final String EXTENSION_DEFAULT_ENDPOINT = "http://localhost:4317";

    static java.util.List<String> services() {
        return ServiceCode.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void without_a_collector_in_the_environment_the_sdk_is_off(String service) {
        assertThat(sdkDisabled(service, Map.of())).isTrue();
        // the production overlay lists the variable, empty, for the operator to fill in
        assertThat(sdkDisabled(service, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ""))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("services")
    void a_collector_named_by_either_variable_turns_the_sdk_on_and_receives_the_traces(String service) {
        SmallRyeConfig standard = config(service, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
        SmallRyeConfig quarkus = config(service, Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));

        assertThat(standard.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(quarkus.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(standard.getValue("quarkus.otel.exporter.otlp.endpoint", String.class)).isEqualTo("http://collector:4317");
        assertThat(quarkus.getValue("quarkus.otel.exporter.otlp.endpoint", String.class)).isEqualTo("http://collector:4317");
    }

    private static boolean sdkDisabled(String service, Map<String, String> environment) {
        return config(service, environment).getValue("quarkus.otel.sdk.disabled", Boolean.class);
    }

    private static SmallRyeConfig config(String service, Map<String, String> environment) {
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", EXTENSION_DEFAULT_ENDPOINT)
                    .withSources(new PropertiesConfigSource(Manifests.ROOT.resolve(service)
                            .resolve("src/main/resources/application.properties").toUri().toURL(), 250))
                    .withSources(new EnvConfigSource(environment, 300))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
