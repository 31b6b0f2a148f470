package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.gateway.security.AccessRules;
import eu.drugsplan.gateway.security.Requirement;
import io.vertx.core.http.HttpMethod;
import java.util.Locale;

/**
 * Writes the gateway's access rules into every routed operation: who may call it (security, and the roles in its
 * description), an operation id and summary where the service gave none, and the gateway's own error answers.
 */
final class OperationDecoration {

    static final String SECURITY_SCHEME = "bearerAuth";

    private final ObjectMapper mapper;
    private final AccessRules rules;
    private final GatewayComponents components;

    OperationDecoration(ObjectMapper mapper, AccessRules rules, GatewayComponents components) {
        this.mapper = mapper;
        this.rules = rules;
        this.components = components;
    }

    void decorate(String path, ObjectNode item) {
        for (String method : ComponentMerge.METHODS) {
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
            responses.set("401", components.ref("responses", "Unauthorized"));
            if (!requirement.anyOfRoles().isEmpty()) {
                responses.set("403", components.ref("responses", "Forbidden"));
            } else if (!requirement.authenticated()) {
                responses.remove("403");
            }
            if (operation.has("requestBody")) {
                responses.set("413", components.ref("responses", "PayloadTooLarge"));
            }
            responses.set("429", components.ref("responses", "TooManyRequests"));
            responses.set("503", components.ref("responses", "ServiceUnavailable"));
            responses.set("504", components.ref("responses", "GatewayTimeout"));
        }
    }

    /** An open operation may still be called with a token ({} means: no credentials needed). */
    ArrayNode security(boolean open) {
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

    /** Whether reading the published data needs a token in this deployment. */
    boolean readsAreOpen() {
        return Requirement.NONE.equals(rules.of(HttpMethod.GET, "/api/v1/indicators"));
    }
}
