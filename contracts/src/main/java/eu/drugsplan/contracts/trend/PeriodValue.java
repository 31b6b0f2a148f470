package eu.drugsplan.contracts.trend;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation as it comes in: an ISO 8601 period string and its value.
 *
 * @param seriesBreak the value is flagged as a break in the series (OBS_STATUS B): it starts a new segment
 */
public record PeriodValue(String period, double value, boolean seriesBreak) {

    /** SDMX's OBS_STATUS code of a break in the series. */
    public static final String BREAK = "B";

    public PeriodValue {
        Objects.requireNonNull(period, "period");
    }

    public PeriodValue(String period, double value) {
        this(period, value, false);
    }

    /**
     * A stored observation as the trend methods see it: a missing value (a missing-type status) is no point of
     * the series, never filled; a value flagged B is a break. The official trend and a submission's draft trend
     * read observations this one way.
     */
    public static Optional<PeriodValue> ofStored(String period, BigDecimal value, String status) {
        return value == null ? Optional.empty()
                : Optional.of(new PeriodValue(period, value.doubleValue(), BREAK.equals(status)));
    }
}
