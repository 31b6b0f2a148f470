package eu.drugsplan.contracts.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A measure's plausibility checks at intake, as the catalogue defines them (indicators-service writes it into
 * {@code GET /api/v1/measures}, submissions-service reads it back into the same record). They only ever raise
 * warnings: a value can be implausible and true.
 *
 * @param yearOnYearChange relative change against the same period a year before above which a value is
 *                         flagged (0.5 = 50 %); also the size of a jump that needs a break flag; null: not checked
 * @param robustScore      modified z-score (Iglewicz and Hoaglin) above which a value is an outlier of its
 *                         series' history; null: not computed
 * @param minimumHistory   how many earlier values of the series the robust score needs before it is computed
 * @param consistency      totals that must equal the sum of their breakdown
 */
public record Plausibility(BigDecimal yearOnYearChange, BigDecimal robustScore, int minimumHistory,
                           List<ConsistencyRule> consistency) {

    /** Iglewicz and Hoaglin (1993) recommend 3.5 as the cut-off of the modified z-score. */
    public static final BigDecimal DEFAULT_ROBUST_SCORE = new BigDecimal("3.5");

    public Plausibility {
        consistency = consistency == null ? List.of() : List.copyOf(consistency);
    }

    /**
     * In each series of the measure that has the {@code total} code in {@code dimension}, its value must equal
     * the sum of the series that differ only by having one of {@code parts} there, within {@code tolerance}
     * (relative to the total: 0 = exactly).
     */
    public record ConsistencyRule(String dimension, String total, List<String> parts, BigDecimal tolerance) {

        public ConsistencyRule {
            parts = List.copyOf(parts);
            tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
        }
    }
}
