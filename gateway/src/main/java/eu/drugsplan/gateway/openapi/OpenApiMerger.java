package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.contracts.problem.Problem;
import eu.drugsplan.gateway.proxy.Route;
import eu.drugsplan.gateway.security.AccessRules;
import eu.drugsplan.gateway.security.Requirement;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the one description of the public API: their paths (only those
 * the gateway routes), components and tags, plus what the gateway itself adds to every operation - its bearer
 * security scheme, the access rule it enforces, and its own error answers (401, 403, 413, 429, 503, 504).
 * Component names two services use for different things are prefixed with the service's name.
 */
public class OpenApiMerger {

    static final String SECURITY_SCHEME = "bearerAuth";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENT_REF = "#/components/";

    private final ObjectMapper mapper;
    private final AccessRules rules;

    public OpenApiMerger(ObjectMapper mapper, AccessRules rules) {
        this.mapper = mapper;
        this.rules = rules;
    }

    public ObjectNode merge(List<ServiceDocument> documents) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
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
        merged.putArray("security");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = mapper.createObjectNode();
        ObjectNode components = gatewayComponents();

        Map<String, ObjectNode> sortedPaths = new TreeMap<>();
        for (ServiceDocument source : documents) {
            ObjectNode document = source.document().deepCopy();
            renameClashingComponents(source.service(), document, components);
            mergeComponents(document, components);
            mergeTags(document, tags);
            JsonNode sourcePaths = document.path("paths");
            for (Iterator<String> names = sourcePaths.fieldNames(); names.hasNext(); ) {
                String path = names.next();
                if (routed(path)) {
                    ObjectNode item = (ObjectNode) sourcePaths.get(path);
                    decorateOperations(path, item);
                    sortedPaths.put(path, item);
                }
            }
        }
        sortedPaths.forEach(paths::set);
        merged.set("paths", paths);
        pruneUnused(components, paths);
        pruneUnusedTags(tags, paths);
        merged.set("components", components);
        ((ArrayNode) merged.get("security")).addAll(security(Requirement.NONE.equals(readRequirement())));
        return merged;
    }

    private Requirement readRequirement() {
        return rules.of(HttpMethod.GET, "/api/v1/indicators");
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

    private void decorateOperations(String path, ObjectNode item) {
        for (String method : METHODS) {
            JsonNode node = item.get(method);
            if (!(node instanceof ObjectNode operation)) {
                continue;
            }
            Requirement requirement = rules.of(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path);
            if (!operation.hasNonNull("operationId")) {
                operation.put("operationId", operationId(method, path));
            }
            if (!operation.hasNonNull("summary")) {
                operation.put("summary", method.toUpperCase(Locale.ROOT) + " " + path);
            }
            operation.set("security", security(!requirement.authenticated()));
            if (!requirement.anyOfRoles().isEmpty()) {
                String roles = "Requires the role " + String.join(" or ", requirement.anyOfRoles()) + ".";
                String description = operation.path("description").asText("");
                operation.put("description", description.isEmpty() ? roles : description + "\n\n" + roles);
            }
            ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                    : operation.putObject("responses");
            responses.set("401", ref("responses", "Unauthorized"));
            if (!requirement.anyOfRoles().isEmpty()) {
                responses.set("403", ref("responses", "Forbidden"));
            } else if (!requirement.authenticated()) {
                responses.remove("403");
            }
            if (operation.has("requestBody")) {
                responses.set("413", ref("responses", "PayloadTooLarge"));
            }
            responses.set("429", ref("responses", "TooManyRequests"));
            responses.set("503", ref("responses", "ServiceUnavailable"));
            responses.set("504", ref("responses", "GatewayTimeout"));
        }
    }

    /** An open operation may still be called with a token ({} means: no credentials needed). */
    private ArrayNode security(boolean open) {
        ArrayNode security = mapper.createArrayNode();
        if (open) {
            security.addObject();
        }
        security.addObject().putArray(SECURITY_SCHEME);
        return security;
    }

    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        boolean upper = true;
        for (char c : path.replace("/api/v1", "").toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
                if (c == '{') {
                    id.append("By");
                }
            }
        }
        return id.toString();
    }

    private void renameClashingComponents(String service, ObjectNode document, ObjectNode merged) {
        JsonNode components = document.path("components");
        Map<String, String> renames = new HashMap<>();
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            if (kind.getKey().equals("securitySchemes")) {
                continue;
            }
            JsonNode existing = merged.path(kind.getKey());
            for (Iterator<String> names = kind.getValue().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (existing.has(name) && !existing.get(name).equals(kind.getValue().get(name))) {
                    renames.put(COMPONENT_REF + kind.getKey() + "/" + name,
                            COMPONENT_REF + kind.getKey() + "/" + prefix(service) + name);
                }
            }
        }
        if (renames.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            String[] from = rename.getKey().substring(COMPONENT_REF.length()).split("/");
            String to = rename.getValue().substring(rename.getValue().lastIndexOf('/') + 1);
            ObjectNode kind = (ObjectNode) components.get(from[0]);
            kind.set(to, kind.remove(from[1]));
        }
        rewriteRefs(document, renames);
    }

    private static String prefix(String service) {
        StringBuilder name = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    /**
     * Drops the components no routed path uses, directly or through other components: the services' internal
     * endpoints are left out of the public document, and so must be what only they refer to.
     */
    private static void pruneUnused(ObjectNode components, JsonNode paths) {
        Set<String> used = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        collectRefs(paths, pending);
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (ref.startsWith(COMPONENT_REF) && used.add(ref)) {
                String[] kindAndName = ref.substring(COMPONENT_REF.length()).split("/", 2);
                collectRefs(components.path(kindAndName[0]).path(kindAndName[1]), pending);
            }
        }
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            if (kind.getKey().equals("securitySchemes")) {
                continue;
            }
            List<String> unused = new ArrayList<>();
            kind.getValue().fieldNames().forEachRemaining(name -> {
                if (!used.contains(COMPONENT_REF + kind.getKey() + "/" + name)) {
                    unused.add(name);
                }
            });
            ((ObjectNode) kind.getValue()).remove(unused);
        }
    }

    /** A tag only internal endpoints carry would name, in the public document, a group with no operation. */
    private static void pruneUnusedTags(ArrayNode tags, JsonNode paths) {
        Set<String> used = new HashSet<>();
        for (JsonNode item : paths) {
            for (String method : METHODS) {
                item.path(method).path("tags").forEach(tag -> used.add(tag.asText()));
            }
        }
        for (Iterator<JsonNode> tag = tags.elements(); tag.hasNext(); ) {
            if (!used.contains(tag.next().path("name").asText())) {
                tag.remove();
            }
        }
    }

    private static void collectRefs(JsonNode node, Deque<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.push(ref.asText());
            }
        }
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> collectRefs(child, refs));
        }
    }

    private static void mergeComponents(ObjectNode document, ObjectNode merged) {
        JsonNode components = document.path("components");
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            // the services describe their own checks of the token; the gateway's one scheme replaces them
            if (kind.getKey().equals("securitySchemes")) {
                continue;
            }
            ObjectNode target = merged.has(kind.getKey()) ? (ObjectNode) merged.get(kind.getKey())
                    : merged.putObject(kind.getKey());
            for (Map.Entry<String, JsonNode> entry : kind.getValue().properties()) {
                if (!target.has(entry.getKey())) {
                    target.set(entry.getKey(), entry.getValue());
                }
            }
        }
    }

    private static void mergeTags(ObjectNode document, ArrayNode tags) {
        Set<String> known = new HashSet<>();
        tags.forEach(tag -> known.add(tag.path("name").asText()));
        for (JsonNode tag : document.path("tags")) {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        }
    }

    private ObjectNode ref(String kind, String name) {
        return mapper.createObjectNode().put("$ref", COMPONENT_REF + kind + "/" + name);
    }

    private ObjectNode gatewayComponents() {
        ObjectNode components = mapper.createObjectNode();
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(SECURITY_SCHEME)
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "A JWT (RS256) from the suite's OpenID Connect provider; the gateway and the "
                        + "services verify its signature, issuer, audience and expiry.");
        ObjectNode problem = components.putObject("schemas").putObject("Problem");
        problem.put("type", "object");
        problem.put("description", "An RFC 9457 problem document: the one error shape of the whole API.");
        problem.putArray("required").add("type").add("title").add("status");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer").put("format", "int32");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        ObjectNode violation = properties.putObject("violations").put("type", "array").putObject("items");
        violation.put("type", "object");
        violation.putObject("properties").set("field", mapper.createObjectNode().put("type", "string"));
        ((ObjectNode) violation.get("properties")).putObject("message").put("type", "string");

        ObjectNode retryAfter = components.putObject("headers").putObject("RetryAfter");
        retryAfter.put("description", "Seconds to wait before trying again.");
        retryAfter.putObject("schema").put("type", "integer").put("minimum", 0);

        ObjectNode responses = components.putObject("responses");
        problemResponse(responses, "Unauthorized", 401, "unauthorized",
                "No bearer token where one is needed, or a token that does not verify (forged, expired, "
                        + "another audience, unsigned).", false);
        problemResponse(responses, "Forbidden", 403, "forbidden", "A valid token without the role this needs.", false);
        problemResponse(responses, "PayloadTooLarge", 413, "body-too-large",
                "The request body is larger than this route allows.", false);
        problemResponse(responses, "TooManyRequests", 429, "rate-limited",
                "Too many requests from one reporter (or one anonymous client address).", true);
        problemResponse(responses, "ServiceUnavailable", 503, "backend-unavailable",
                "The service behind this route is not available at the moment.", true);
        problemResponse(responses, "GatewayTimeout", 504, "backend-timeout",
                "The service behind this route did not answer in time.", true);
        return components;
    }

    private void problemResponse(ObjectNode responses, String name, int status, String slug, String description,
                                 boolean retryAfter) {
        ObjectNode response = responses.putObject(name);
        response.put("description", description);
        if (retryAfter) {
            response.putObject("headers").set("Retry-After", ref("headers", "RetryAfter"));
        }
        ObjectNode media = response.putObject("content").putObject("application/problem+json");
        media.set("schema", ref("schemas", "Problem"));
        media.putObject("example")
                .put("type", Problem.TYPE_BASE + slug)
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", description)
                .put("instance", "/api/v1/...");
    }
}
