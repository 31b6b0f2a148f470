package eu.drugsplan.reporting.trend;

import java.util.Optional;

/** Computes the {@link YearOnYear} change of a series. */
public final class YearOnYearCalculator {

    public static final double DEFAULT_STABLE_BAND_PERCENT = 10.0;

    private final double stableBandPercent;

    public YearOnYearCalculator() {
        this(DEFAULT_STABLE_BAND_PERCENT);
    }

    /** @param stableBandPercent changes with an absolute percentage strictly below this are STABLE */
    public YearOnYearCalculator(double stableBandPercent) {
        if (!(stableBandPercent >= 0) || Double.isInfinite(stableBandPercent)) {
            throw new IllegalArgumentException("stable band must be a finite non-negative percentage");
        }
        this.stableBandPercent = stableBandPercent;
    }

    public YearOnYear compute(TimeSeries series) {
        TrendPoint latest = series.latest();
        if (latest == null) {
            return YearOnYear.noData();
        }
        Optional<TrendPoint> previous = ReportingPeriod.parse(latest.period()).sameInPreviousYear()
                .flatMap(series::find);
        return previous.map(p -> compare(p, latest)).orElseGet(() -> YearOnYear.noPreviousData(latest));
    }

    private YearOnYear compare(TrendPoint previous, TrendPoint latest) {
        double absolute = latest.value() - previous.value();
        if (previous.value() == 0) {
            return fromZeroBase(previous, latest, absolute);
        }
        // Dividing by the magnitude keeps the sign of the percentage that of the change,
        // also for negative bases.
        double percent = absolute / Math.abs(previous.value()) * 100.0;
        return new YearOnYear(latest, previous, absolute, percent, label(percent), null);
    }

    private static YearOnYear fromZeroBase(TrendPoint previous, TrendPoint latest, double absolute) {
        if (absolute == 0) {
            return new YearOnYear(latest, previous, absolute, 0.0, YearOnYear.Label.STABLE, null);
        }
        YearOnYear.Label label = absolute > 0 ? YearOnYear.Label.INCREASE : YearOnYear.Label.DECREASE;
        return new YearOnYear(latest, previous, absolute, null, label, Reasons.ZERO_BASE);
    }

    private YearOnYear.Label label(double percent) {
        if (Math.abs(percent) < stableBandPercent) {
            return YearOnYear.Label.STABLE;
        }
        return percent > 0 ? YearOnYear.Label.INCREASE : YearOnYear.Label.DECREASE;
    }
}
