package eu.drugsplan.contracts.series;

import java.math.BigDecimal;
import java.util.List;

/**
 * The current values of one stored series, as indicators-service's internal history read answers them for the
 * intake's plausibility checks: only what the checks compare (no comments, no versions).
 *
 * @param seriesKey the series key in its canonical text
 * @param values    one per stored period (deleted observations are not stored), in period order
 */
public record StoredSeries(String seriesKey, List<StoredValue> values) {

    public StoredSeries {
        values = List.copyOf(values);
    }

    /** One stored observation: a missing value (status L, M, O or Q) has no value. */
    public record StoredValue(String period, BigDecimal value, String status) {
    }
}
