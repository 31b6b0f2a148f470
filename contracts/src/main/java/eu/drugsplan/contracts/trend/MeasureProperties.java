package eu.drugsplan.contracts.trend;

import java.util.Objects;

/**
 * What the trend methods need to know about a measure.
 *
 * @param desiredDirection  the direction that counts as progress
 * @param stableBandPercent the measure's own stable band, or null to use {@link TrendConfig#stableBandPercent()}
 */
public record MeasureProperties(DesiredDirection desiredDirection, Double stableBandPercent) {

    public MeasureProperties {
        Objects.requireNonNull(desiredDirection, "desiredDirection");
    }

    public static MeasureProperties of(DesiredDirection desiredDirection) {
        return new MeasureProperties(desiredDirection, null);
    }
}
