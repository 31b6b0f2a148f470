package eu.drugsplan.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the services' components meet in the one document: a name two services use for different things is prefixed
 * with the service's name (and every reference to it rewritten), the first of equal definitions is kept, and what no
 * routed path refers to, directly or through other components, is dropped with the tags no operation carries.
 */
final class ComponentMerge {

    static final String REF = "#/components/";
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ComponentMerge() {
    }

    static void renameClashingComponents(String service, ObjectNode document, ObjectNode merged) {
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
                    renames.put(REF + kind.getKey() + "/" + name,
                            REF + kind.getKey() + "/" + prefix(service) + name);
                }
            }
        }
        if (renames.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            String[] from = rename.getKey().substring(REF.length()).split("/");
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
    static void pruneUnused(ObjectNode components, JsonNode paths) {
        Set<String> used = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        collectRefs(paths, pending);
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (ref.startsWith(REF) && used.add(ref)) {
                String[] kindAndName = ref.substring(REF.length()).split("/", 2);
                collectRefs(components.path(kindAndName[0]).path(kindAndName[1]), pending);
            }
        }
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            if (kind.getKey().equals("securitySchemes")) {
                continue;
            }
            List<String> unused = new ArrayList<>();
            kind.getValue().fieldNames().forEachRemaining(name -> {
                if (!used.contains(REF + kind.getKey() + "/" + name)) {
                    unused.add(name);
                }
            });
            ((ObjectNode) kind.getValue()).remove(unused);
        }
    }

    /** A tag only internal endpoints carry would name, in the public document, a group with no operation. */
    static void pruneUnusedTags(ArrayNode tags, JsonNode paths) {
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

    static void mergeComponents(ObjectNode document, ObjectNode merged) {
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

    static void mergeTags(ObjectNode document, ArrayNode tags) {
        Set<String> known = new HashSet<>();
        tags.forEach(tag -> known.add(tag.path("name").asText()));
        for (JsonNode tag : document.path("tags")) {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        }
    }
}
