package eu.drugsplan.reporting.trend;

import java.util.Objects;

/** One observation as it comes in: an ISO 8601 period string and its value. */
public record PeriodValue(String period, double value) {

    public PeriodValue {
        Objects.requireNonNull(period, "period");
    }
}
