package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.gateway.config.GatewayConfig;
import eu.drugsplan.gateway.security.AccessRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Asks every service for its own OpenAPI document and keeps the merged one for a while: the description
 * changes only when a service is redeployed, and it must not cost three backend calls per reader.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private record Cached(Instant until, ObjectNode document) {
    }

    private final GatewayConfig config;
    private final OpenApiMerger merger;
    private final HttpClient client;
    private final ObjectMapper mapper;
    private volatile Cached cached;

    public MergedOpenApi(GatewayConfig config, ObjectMapper mapper, AccessRules rules) {
        this.config = config;
        this.merger = new OpenApiMerger(mapper, rules);
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.mapper = mapper;
    }

    /** The merged document, or empty when no service answered (the caller then answers 503). */
    public CompletionStage<Optional<ObjectNode>> document() {
        Cached current = cached;
        if (current != null && Instant.now().isBefore(current.until())) {
            return CompletableFuture.completedFuture(Optional.of(current.document()));
        }
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("indicators", config.backends().indicators());
        services.put("submissions", config.backends().submissions());
        services.put("reporting", config.backends().reporting());
        List<CompletableFuture<Optional<ServiceDocument>>> fetches = new ArrayList<>();
        services.forEach((name, uri) -> fetches.add(fetch(name, uri)));
        return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ServiceDocument> documents = fetches.stream().map(CompletableFuture::join)
                    .flatMap(Optional::stream).toList();
            if (documents.isEmpty()) {
                return Optional.empty();
            }
            ObjectNode merged = merger.merge(documents);
            // a partial document is served, but not kept: the missing service's paths come back next time
            if (documents.size() == services.size()) {
                cached = new Cached(Instant.now().plus(config.openapi().cacheFor()), merged);
            }
            return Optional.of(merged);
        });
    }

    private CompletableFuture<Optional<ServiceDocument>> fetch(String service, URI backend) {
        HttpRequest request = HttpRequest.newBuilder(backend.resolve("/q/openapi?format=json"))
                .timeout(config.openapi().fetchTimeout())
                .header("Accept", "application/json")
                .GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("%s service answered %d for its OpenAPI document", service, response.statusCode());
                        return Optional.<ServiceDocument>empty();
                    }
                    try {
                        return Optional.of(new ServiceDocument(service, (ObjectNode) mapper.readTree(response.body())));
                    } catch (Exception e) {
                        LOG.warnf("%s service's OpenAPI document is not JSON: %s", service, e.toString());
                        return Optional.<ServiceDocument>empty();
                    }
                })
                .exceptionally(failure -> {
                    LOG.warnf("%s service's OpenAPI document is unavailable: %s", service, failure.toString());
                    return Optional.empty();
                });
    }
}
