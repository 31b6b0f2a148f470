package eu.drugsplan.indicators.catalogue;

import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.contracts.catalogue.Plausibility.ConsistencyRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the plausibility checks of V11 (measure_plausibility, measure_consistency) per measure. */
final class PlausibilityRows {

    private PlausibilityRows() {
    }

    static Map<String, Plausibility> read(Function<String, List<Object[]>> rows) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (Object[] r : rows.apply("select measure_code, codelist_id, part_code from measure_consistency_part "
                + "order by measure_code, codelist_id, part_code")) {
            parts.computeIfAbsent(r[0] + "|" + r[1], k -> new ArrayList<>()).add((String) r[2]);
        }
        Map<String, List<ConsistencyRule>> rules = new LinkedHashMap<>();
        for (Object[] r : rows.apply("select c.measure_code, c.codelist_id, c.total_code, c.tolerance "
                + "from measure_consistency c join measure_dimension d on d.measure_code = c.measure_code "
                + "and d.codelist_id = c.codelist_id order by c.measure_code, d.position")) {
            rules.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new ConsistencyRule((String) r[1],
                    (String) r[2], parts.getOrDefault(r[0] + "|" + r[1], List.of()), plain(r[3])));
        }
        Map<String, Plausibility> byMeasure = new LinkedHashMap<>();
        for (Object[] r : rows.apply("select measure_code, year_on_year_change, robust_score, minimum_history "
                + "from measure_plausibility order by measure_code")) {
            String measure = (String) r[0];
            byMeasure.put(measure, new Plausibility(plain(r[1]), plain(r[2]), ((Number) r[3]).intValue(),
                    rules.getOrDefault(measure, List.of())));
        }
        return byMeasure;
    }

    /** numeric(8,4) reads as 0.5000; the catalogue shows 0.5. */
    private static BigDecimal plain(Object value) {
        return value == null ? null : ((BigDecimal) value).stripTrailingZeros();
    }
}
