package eu.drugsplan.contracts.trend;

import java.util.List;

/**
 * Computes a {@link GrowthAssessment}. The window holds every point with
 * {@code t >= t_latest - years}, so it includes the period exactly {@code years} before the
 * latest one: as Eurostat's "last 5 years", 2015 to 2020 for a series ending in 2020.
 */
public final class GrowthCalculator {

    public static final int SHORT_TERM_YEARS = 5;
    public static final int LONG_TERM_YEARS = 15;
    public static final double DEFAULT_THRESHOLD_PERCENT = 1.0;
    static final int MIN_POINTS = 3;

    // Absorbs rounding of decimal years (a few ulps of ~2000) without moving the boundary
    // by any real period: 1e-9 year is 30 ms.
    private static final double TIME_TOLERANCE = 1e-9;

    private final double threshold;

    public GrowthCalculator() {
        this(DEFAULT_THRESHOLD_PERCENT);
    }

    /** @param thresholdPercent the annual rate, in percent, that separates significant from moderate */
    public GrowthCalculator(double thresholdPercent) {
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("threshold must be a finite non-negative percentage");
        }
        this.threshold = thresholdPercent / 100.0;
    }

    public GrowthAssessment shortTerm(TimeSeries series, DesiredDirection direction) {
        return compute(series, direction, SHORT_TERM_YEARS);
    }

    public GrowthAssessment longTerm(TimeSeries series, DesiredDirection direction) {
        return compute(series, direction, LONG_TERM_YEARS);
    }

    public GrowthAssessment compute(TimeSeries series, DesiredDirection direction, int years) {
        if (years <= 0) {
            throw new IllegalArgumentException("window must be at least one year: " + years);
        }
        List<TrendPoint> window = window(series, years);
        TrendPoint start = window.isEmpty() ? null : window.get(0);
        TrendPoint end = series.latest();
        GrowthAssessment.Label notApplicable =
                direction == DesiredDirection.NONE ? GrowthAssessment.Label.NOT_APPLICABLE : null;
        if (window.size() < MIN_POINTS) {
            return new GrowthAssessment(years, window.size(), start, end, null, notApplicable,
                    Reasons.INSUFFICIENT_DATA);
        }
        if (!(start.value() > 0 && end.value() > 0)) {
            return new GrowthAssessment(years, window.size(), start, end, null, notApplicable,
                    Reasons.NON_POSITIVE_VALUE);
        }
        double cagr = Math.pow(end.value() / start.value(), 1.0 / (end.time() - start.time())) - 1.0;
        return new GrowthAssessment(years, window.size(), start, end, cagr, classify(cagr, direction), null);
    }

    GrowthAssessment.Label classify(double cagr, DesiredDirection direction) {
        if (direction == DesiredDirection.NONE) {
            return GrowthAssessment.Label.NOT_APPLICABLE;
        }
        double r = direction == DesiredDirection.UP ? cagr : -cagr;
        if (r >= threshold) {
            return GrowthAssessment.Label.SIGNIFICANT_PROGRESS;
        }
        if (r >= 0) {
            return GrowthAssessment.Label.MODERATE_PROGRESS;
        }
        return r > -threshold ? GrowthAssessment.Label.MODERATE_MOVEMENT_AWAY
                : GrowthAssessment.Label.SIGNIFICANT_MOVEMENT_AWAY;
    }

    private static List<TrendPoint> window(TimeSeries series, int years) {
        TrendPoint latest = series.latest();
        if (latest == null) {
            return List.of();
        }
        double from = latest.time() - years - TIME_TOLERANCE;
        return series.points().stream().filter(p -> p.time() >= from).toList();
    }
}
