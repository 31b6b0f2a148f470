package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.gateway.proxy.Route;
import eu.drugsplan.gateway.security.AccessRules;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the one description of the public API: their paths (only those
 * the gateway routes), components and tags, plus what the gateway itself adds to every operation - its bearer
 * security scheme, the access rule it enforces, and its own error answers (401, 403, 413, 429, 503, 504).
 * Component names two services use for different things are prefixed with the service's name.
 */
public class OpenApiMerger {

    private final ObjectMapper mapper;
    private final GatewayComponents gatewayComponents;
    private final OperationDecoration decoration;

    public OpenApiMerger(ObjectMapper mapper, AccessRules rules) {
        this.mapper = mapper;
        this.gatewayComponents = new GatewayComponents(mapper);
        this.decoration = new OperationDecoration(mapper, rules, gatewayComponents);
    }

    public ObjectNode merge(List<ServiceDocument> documents) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.set("info", info());
        merged.putArray("security");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode components = gatewayComponents.components();
        Map<String, ObjectNode> sortedPaths = new TreeMap<>();
        for (ServiceDocument source : documents) {
            ObjectNode document = source.document().deepCopy();
            ComponentMerge.renameClashingComponents(source.service(), document, components);
            ComponentMerge.mergeComponents(document, components);
            ComponentMerge.mergeTags(document, tags);
            routedPaths(document).forEach((path, item) -> {
                decoration.decorate(path, item);
                sortedPaths.put(path, item);
            });
        }
        ObjectNode paths = mapper.createObjectNode();
        sortedPaths.forEach(paths::set);
        merged.set("paths", paths);
        ComponentMerge.pruneUnused(components, paths);
        ComponentMerge.pruneUnusedTags(tags, paths);
        merged.set("components", components);
        ((ArrayNode) merged.get("security")).addAll(decoration.security(decoration.readsAreOpen()));
        return merged;
    }

    private ObjectNode info() {
        ObjectNode info = mapper.createObjectNode();
        info.put("title", "EU Action Plan on Drugs 2021-2025 - monitoring API");
        info.put("version", "v1");
        info.put("summary", "The public API of the monitoring suite, as the gateway serves it.");
        info.put("description", """
                Focal points and EU agencies submit the twelve performance indicators of the EU Action Plan on \
                Drugs 2021-2025; dashboards read the catalogue, the stored series and their trends.

                Authentication: a JWT bearer token (RS256) from the suite's OpenID Connect provider, carrying the \
                `reporter` claim (a Member State or agency code) and roles in `groups` (`submitter`, `reviewer`, \
                `reader`, `admin`). Reading published data is open unless the deployment requires `reader`.

                Errors are RFC 9457 problem documents (`application/problem+json`), except on the SDMX REST \
                routes (`/sdmx/2.1`, `/sdmx/3.0`), which answer SDMX error messages as SDMX REST specifies; the \
                gateway's own refusals (401, 429, 503, 504, an ambiguous path) are problem documents there too.""");
        info.putObject("license").put("name", "EUPL-1.2").put("identifier", "EUPL-1.2");
        return info;
    }

    /** The document's paths the gateway routes, in the document's order. */
    private static Map<String, ObjectNode> routedPaths(ObjectNode document) {
        Map<String, ObjectNode> routed = new LinkedHashMap<>();
        JsonNode paths = document.path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (routed(path)) {
                routed.put(path, (ObjectNode) paths.get(path));
            }
        }
        return routed;
    }

    private static boolean routed(String path) {
        for (Route route : Route.values()) {
            for (String prefix : route.prefixes()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return true;
                }
            }
        }
        return false;
    }
}
