package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One service's own OpenAPI document, as it stored it at its build. */
public record ServiceDocument(String service, ObjectNode document) {
}
