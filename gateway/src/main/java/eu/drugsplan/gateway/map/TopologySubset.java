package eu.drugsplan.gateway.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of a TopoJSON topology (quantized, as world-atlas ships it) that a map of one region draws: the geometries
 * of one object with at least one point inside a longitude-latitude box, and only the arcs they use, renumbered (a
 * negative index {@code ~i} is arc {@code i} reversed, so it stays negative). The world's 1:110m countries are
 * 108 KB; those a map of Europe shows are a fraction of it, which keeps the dashboard's measure view under its
 * transfer budget (issue 18). Plain rules on Jackson trees, no framework.
 */
public final class TopologySubset {

    /** A box in degrees: west and east longitude, south and north latitude. */
    public record Box(double west, double east, double south, double north) {

        boolean holds(double longitude, double latitude) {
            return longitude >= west && longitude <= east && latitude >= south && latitude <= north;
        }
    }

    private final JsonNode topology;
    private final double[] scale;
    private final double[] translate;

    public TopologySubset(JsonNode topology) {
        this.topology = topology;
        JsonNode transform = topology.path("transform");
        this.scale = transform.isMissingNode() ? new double[] {1, 1}
                : new double[] {transform.path("scale").path(0).asDouble(), transform.path("scale").path(1).asDouble()};
        this.translate = transform.isMissingNode() ? new double[] {0, 0}
                : new double[] {transform.path("translate").path(0).asDouble(), transform.path("translate").path(1).asDouble()};
    }

    /** The topology with only the object's geometries that reach into the box, and their arcs. */
    public ObjectNode within(String object, Box box) {
        ArrayNode arcs = (ArrayNode) topology.path("arcs");
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode geometry : topology.path("objects").path(object).path("geometries")) {
            if (reaches(geometry.path("arcs"), arcs, box)) {
                ObjectNode copy = geometry.deepCopy();
                if (copy.has("arcs")) {
                    copy.set("arcs", renumber(geometry.path("arcs"), renumbered));
                }
                kept.add(copy);
            }
        }
        ObjectNode result = topology.deepCopy();
        result.remove("bbox"); // optional in TopoJSON; the world's would be wrong for the part
        ArrayNode usedArcs = result.putArray("arcs");
        renumbered.keySet().forEach(old -> usedArcs.add(arcs.get(old)));
        ObjectNode objects = result.putObject("objects");
        ObjectNode part = objects.putObject(object);
        part.put("type", "GeometryCollection");
        part.set("geometries", kept);
        return result;
    }

    /** Whether any point of the arcs an arc-index tree names lies in the box. */
    private boolean reaches(JsonNode indexes, ArrayNode arcs, Box box) {
        if (indexes.isNumber()) {
            return anyPointIn(arcs.get(arc(indexes.asInt())), box);
        }
        for (JsonNode child : indexes) {
            if (reaches(child, arcs, box)) {
                return true;
            }
        }
        return false;
    }

    /** Points are delta-encoded integers when the topology is quantized (it has a transform). */
    private boolean anyPointIn(JsonNode arc, Box box) {
        boolean quantized = !topology.path("transform").isMissingNode();
        double x = 0;
        double y = 0;
        for (JsonNode point : arc) {
            x = quantized ? x + point.path(0).asDouble() : point.path(0).asDouble();
            y = quantized ? y + point.path(1).asDouble() : point.path(1).asDouble();
            if (box.holds(x * scale[0] + translate[0], y * scale[1] + translate[1])) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode renumber(JsonNode indexes, Map<Integer, Integer> renumbered) {
        if (indexes.isNumber()) {
            int index = indexes.asInt();
            int fresh = renumbered.computeIfAbsent(arc(index), k -> renumbered.size());
            return JsonNodeFactory.instance.numberNode(index < 0 ? ~fresh : fresh);
        }
        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        indexes.forEach(child -> copy.add(renumber(child, renumbered)));
        return copy;
    }

    /** The arc an index names: {@code ~i} (negative) is arc i reversed. */
    private static int arc(int index) {
        return index < 0 ? ~index : index;
    }
}
