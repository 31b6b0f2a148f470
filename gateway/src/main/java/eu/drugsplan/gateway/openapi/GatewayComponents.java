package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.contracts.problem.Problem;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What the gateway itself adds to the document: its one bearer security scheme, the problem document schema and
 * the answers of its own refusals (401, 403, 413, 429, 503, 504), each with an example.
 */
final class GatewayComponents {

    private final ObjectMapper mapper;

    GatewayComponents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode components() {
        ObjectNode components = mapper.createObjectNode();
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(OperationDecoration.SECURITY_SCHEME)
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

        refusals(components.putObject("responses"));
        return components;
    }

    /** The answers of the gateway's own refusals, each an example problem document. */
    private void refusals(ObjectNode responses) {
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

    ObjectNode ref(String kind, String name) {
        return mapper.createObjectNode().put("$ref", ComponentMerge.REF + kind + "/" + name);
    }
}
