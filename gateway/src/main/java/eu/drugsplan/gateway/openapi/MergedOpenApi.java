package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.gateway.config.GatewayConfig;
import eu.drugsplan.gateway.security.AccessRules;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one description of the public API, merged once at start from the services' OpenAPI documents as each
 * service stored its own when it was built ({@code quarkus.smallrye-openapi.store-schema-directory}), bundled into
 * this gateway by its build (gateway/pom.xml, {@code bundle-service-schemas}). No service is asked at run time: the
 * description is the one of the build, and only the deployment's access rules (who may read) are applied here.
 */
@ApplicationScoped
@Startup
public class MergedOpenApi {

    /** The services whose documents are merged, in the order their paths and components are taken. */
    static final List<String> SERVICES = List.of("indicators", "submissions", "reporting");
    private static final String CLASSPATH = "classpath:";
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private final Optional<ObjectNode> document;

    public MergedOpenApi(GatewayConfig config, ObjectMapper mapper, AccessRules rules) {
        List<ServiceDocument> documents = new ArrayList<>();
        for (String service : SERVICES) {
            read(config.openapi().schemas(), service, mapper).ifPresent(documents::add);
        }
        if (documents.size() < SERVICES.size()) {
            LOG.errorf("the build bundled %d of the %d services' OpenAPI documents under %s: /api/v1/openapi answers"
                    + " 503 (build the services before the gateway, as the reactor does)", documents.size(),
                    SERVICES.size(), config.openapi().schemas());
            this.document = Optional.empty();
        } else {
            this.document = Optional.of(new OpenApiMerger(mapper, rules).merge(documents));
        }
    }

    /** The merged document, or empty when the build did not bundle every service's (the caller answers 503). */
    public Optional<ObjectNode> document() {
        return document;
    }

    private static Optional<ServiceDocument> read(String location, String service, ObjectMapper mapper) {
        String name = location.replaceAll("/+$", "") + "/" + service + "/openapi.json";
        try (InputStream in = open(name)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode document = mapper.readTree(in);
            if (!(document instanceof ObjectNode object)) {
                throw new IllegalStateException(name + " is not an OpenAPI document");
            }
            return Optional.of(new ServiceDocument(service, object));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled OpenAPI document " + name + " cannot be read", e);
        }
    }

    private static InputStream open(String name) throws IOException {
        if (name.startsWith(CLASSPATH)) {
            return Thread.currentThread().getContextClassLoader().getResourceAsStream(name.substring(CLASSPATH.length()));
        }
        Path file = Path.of(name);
        return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
    }
}
