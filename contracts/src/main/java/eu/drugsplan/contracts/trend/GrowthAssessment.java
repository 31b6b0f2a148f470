package eu.drugsplan.contracts.trend;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Compound annual growth rate over a window ending at the latest period, judged the way
 * Eurostat judges progress towards an objective.
 *
 * @param years      the nominal window length (5 short term, 15 long term)
 * @param pointCount the number of points inside the window
 * @param start      the first point inside the window, null when the window is empty
 * @param end        the latest point, null when the series is empty
 * @param cagr       the growth rate as a fraction per year (0.05 = 5 % a year), null with a reason
 * @param assessment NOT_APPLICABLE whenever the desired direction is NONE, whatever the data;
 *                   otherwise null exactly when {@code cagr} is null
 * @param reason     why {@code cagr} is null, see {@link Reasons}
 */
public record GrowthAssessment(int years, int pointCount, TrendPoint start, TrendPoint end, Double cagr,
                               Label assessment, String reason) {

    @Schema(name = "GrowthLabel")
    public enum Label {
        SIGNIFICANT_PROGRESS,
        MODERATE_PROGRESS,
        MODERATE_MOVEMENT_AWAY,
        SIGNIFICANT_MOVEMENT_AWAY,
        NOT_APPLICABLE
    }
}
