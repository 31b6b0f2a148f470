package eu.drugsplan.gateway.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A quantized topology of three shapes (scale 1, translate 0, so a point's degrees are its running sums): A near
 * (10, 50) with arcs 0 and 1, B far away (100, -30) with arc 2, C sharing A's arc 1 reversed and using arc 3.
 */
class TopologySubsetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TopologySubset.Box EUROPE = new TopologySubset.Box(-25, 45, 33, 72);

    private static JsonNode topology() throws Exception {
        return JSON.readTree("""
                {"type": "Topology", "bbox": [0, -40, 120, 60],
                 "transform": {"scale": [1, 1], "translate": [0, 0]},
                 "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                   {"type": "Polygon", "id": "A", "arcs": [[0, 1]]},
                   {"type": "Polygon", "id": "B", "arcs": [[2]]},
                   {"type": "MultiPolygon", "id": "C", "arcs": [[[-2, 3]]]}]}},
                 "arcs": [[[10, 50], [1, 0]], [[11, 50], [0, 1]], [[100, -30], [1, 1]], [[11, 51], [2, 2]]]}""");
    }

    @Test
    void only_shapes_reaching_into_the_box_are_kept_with_their_arcs_renumbered() throws Exception {
        JsonNode part = new TopologySubset(topology()).within("countries", EUROPE);

        assertThat(part.path("objects").path("countries").path("geometries").findValuesAsText("id"))
                .containsExactly("A", "C");
        // arcs 0, 1 and 3 are kept as 0, 1 and 2; C's reversed arc 1 stays reversed (~1 = -2)
        assertThat(part.path("arcs")).hasSize(3);
        assertThat(part.path("arcs").get(2).toString()).isEqualTo("[[11,51],[2,2]]");
        assertThat(part.path("objects").path("countries").path("geometries").get(0).path("arcs").toString())
                .isEqualTo("[[0,1]]");
        assertThat(part.path("objects").path("countries").path("geometries").get(1).path("arcs").toString())
                .isEqualTo("[[[-2,2]]]");
        assertThat(part.has("bbox")).isFalse();
        assertThat(part.path("transform")).isEqualTo(topology().path("transform"));
    }

    @Test
    void points_are_decoded_from_their_deltas_before_they_are_compared_with_the_box() throws Exception {
        // B's points are (-90, -30) and, decoded, (10, 50); as stored, the second is (100, 80), outside the box
        JsonNode shifted = JSON.readTree(topology().toString().replace("[[100,-30],[1,1]]", "[[-90,-30],[100,80]]"));
        JsonNode part = new TopologySubset(shifted).within("countries", EUROPE);

        assertThat(part.path("objects").path("countries").path("geometries").findValuesAsText("id"))
                .as("B reaches (10, 50) once decoded").containsExactly("A", "B", "C");
    }

    @Test
    void an_empty_box_keeps_nothing() throws Exception {
        JsonNode part = new TopologySubset(topology()).within("countries", new TopologySubset.Box(170, 171, -89, -88));

        assertThat(part.path("objects").path("countries").path("geometries")).isEmpty();
        assertThat(part.path("arcs")).isEmpty();
    }
}
