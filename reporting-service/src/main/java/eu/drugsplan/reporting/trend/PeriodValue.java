package eu.drugsplan.reporting.trend;

import java.util.Objects;

/**
 * One observation as it comes in: an ISO 8601 period string and its value.
 *
 * @param seriesBreak the value is flagged as a break in the series (OBS_STATUS B): it starts a new segment
 */
public record PeriodValue(String period, double value, boolean seriesBreak) {

    public PeriodValue {
        Objects.requireNonNull(period, "period");
    }

    public PeriodValue(String period, double value) {
        this(period, value, false);
    }
}
