package eu.drugsplan.loader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The round trip of every file but the waste water (which {@link WastewaterCheck} checks site by site): each
 * observation the loader submitted reads back through the public data API with the value and the status of the
 * file, measure by measure. Data others submitted for the same measures is not the loader's and is left alone.
 */
final class RoundTrip {

    private final Gateway gateway;

    RoundTrip(Gateway gateway) {
        this.gateway = gateway;
    }

    /** @return the differences, by source file; empty when every value and status reads back */
    List<String> differences(List<Observation> expected) throws IOException {
        Map<String, List<Observation>> byMeasure = expected.stream()
                .collect(Collectors.groupingBy(Observation::measure, TreeMap::new, Collectors.toList()));
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, List<Observation>> measure : byMeasure.entrySet()) {
            Map<String, JsonNode> stored = stored(measure.getKey());
            for (Observation o : measure.getValue()) {
                JsonNode s = stored.get(key(o.area(), o.dimensions(), o.period()));
                if (s == null) {
                    differences.add(o.source() + " " + o.key() + ": file " + o.value() + ", not stored");
                } else if (s.path("value").decimalValue().compareTo(o.value()) != 0
                        || !o.status().equals(s.path("status").asText())) {
                    differences.add(o.source() + " " + o.key() + ": file " + o.value() + " " + o.status() + ", stored "
                            + s.path("value").asText() + " " + s.path("status").asText());
                }
            }
        }
        return differences;
    }

    /** Files and their observation counts, for the report. */
    static Map<String, Long> bySource(List<Observation> expected) {
        return expected.stream().collect(Collectors.groupingBy(Observation::source, TreeMap::new, Collectors.counting()));
    }

    private Map<String, JsonNode> stored(String measure) throws IOException {
        Map<String, JsonNode> stored = new HashMap<>();
        for (JsonNode series : gateway.get("/api/v1/data/" + measure).path("series")) {
            Map<String, String> dimensions = new TreeMap<>();
            series.path("dimensions").fields().forEachRemaining(d -> dimensions.put(d.getKey(), d.getValue().asText()));
            for (JsonNode o : series.path("observations")) {
                stored.put(key(series.path("area").asText(), dimensions, o.path("period").asText()), o);
            }
        }
        return stored;
    }

    private static String key(String area, Map<String, String> dimensions, String period) {
        return area + "|" + new TreeMap<>(dimensions) + "|" + period;
    }
}
