package eu.drugsplan.contracts.trend;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Change between the latest period and the same period one year before.
 *
 * @param latest         the latest point, null for an empty series
 * @param previous       the point one year before, null when absent
 * @param absoluteChange latest minus previous value
 * @param percentChange  change relative to the magnitude of the previous value, in percent;
 *                       null from a zero base unless both values are zero (then 0)
 * @param label          the classification against the stable band; null for an empty series
 * @param reason         why a value is null, see {@link Reasons}; null when all are computed
 */
public record YearOnYear(TrendPoint latest, TrendPoint previous, Double absoluteChange, Double percentChange,
                         Label label, String reason) {

    @Schema(name = "YearOnYearLabel")
    public enum Label {
        INCREASE,
        DECREASE,
        /** |percent change| strictly below the stable band. */
        STABLE,
        NO_PREVIOUS_DATA
    }

    static YearOnYear noData() {
        return new YearOnYear(null, null, null, null, null, Reasons.NO_DATA);
    }

    static YearOnYear noPreviousData(TrendPoint latest) {
        return new YearOnYear(latest, null, null, null, Label.NO_PREVIOUS_DATA, Reasons.NO_PREVIOUS_DATA);
    }
}
