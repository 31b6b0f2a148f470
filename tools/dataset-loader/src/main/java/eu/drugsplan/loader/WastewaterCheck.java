package eu.drugsplan.loader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The real-data round trip: every waste-water series of every site and metabolite, read back through the
 * public data API, holds exactly the values of the file (same periods, numerically equal values).
 */
final class WastewaterCheck {

    private final Gateway gateway;

    WastewaterCheck(Gateway gateway) {
        this.gateway = gateway;
    }

    /** @return the differences; empty when every value reads back as in the file */
    List<String> differences(List<Observation> expected) throws IOException {
        Map<String, Map<String, BigDecimal>> bySeries = new HashMap<>();
        Set<String> sites = new TreeSet<>();
        for (Observation o : expected) {
            bySeries.computeIfAbsent(key(o.area(), o.dimensions()), k -> new HashMap<>()).put(o.period(), o.value());
            sites.add(o.area());
        }
        List<String> differences = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> stored = new HashMap<>();
        for (String site : sites) {
            JsonNode data = gateway.get("/api/v1/data/PI02.WASTEWATER_LOAD/" + site + "..");
            for (JsonNode series : data.path("series")) {
                Map<String, BigDecimal> values = new HashMap<>();
                series.path("observations").forEach(o -> values.put(o.path("period").asText(), o.path("value").decimalValue()));
                stored.put(key(site, Map.of("SUBSTANCE", series.path("dimensions").path("SUBSTANCE").asText(),
                        "STAT", series.path("dimensions").path("STAT").asText())), values);
            }
        }
        bySeries.forEach((series, values) -> compare(series, values, stored.getOrDefault(series, Map.of()), differences));
        stored.keySet().stream().filter(s -> !bySeries.containsKey(s))
                .forEach(s -> differences.add(s + ": stored but not in the file"));
        return differences;
    }

    private static void compare(String series, Map<String, BigDecimal> expected, Map<String, BigDecimal> actual,
                                List<String> differences) {
        new TreeSet<>(expected.keySet()).forEach(period -> {
            BigDecimal stored = actual.get(period);
            if (stored == null || stored.compareTo(expected.get(period)) != 0) {
                differences.add(series + " " + period + ": file " + expected.get(period) + ", stored " + stored);
            }
        });
        actual.keySet().stream().filter(p -> !expected.containsKey(p)).sorted()
                .forEach(p -> differences.add(series + " " + p + ": stored " + actual.get(p) + ", not in the file"));
    }

    private static String key(String site, Map<String, String> dimensions) {
        return site + "." + dimensions.get("SUBSTANCE") + "." + dimensions.get("STAT");
    }
}
