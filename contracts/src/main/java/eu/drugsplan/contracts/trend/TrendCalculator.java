package eu.drugsplan.contracts.trend;

import java.util.List;
import java.util.Objects;

/** Runs every trend method on one series. Thread-safe: it holds only immutable state. */
public final class TrendCalculator {

    private final YearOnYearCalculator defaultYearOnYear;
    private final GrowthCalculator growth;
    private final MannKendallCalculator mannKendall;
    private final SenSlopeCalculator senSlope;
    private final OverallAssessor overall = new OverallAssessor();

    public TrendCalculator() {
        this(TrendConfig.DEFAULTS);
    }

    public TrendCalculator(TrendConfig config) {
        Objects.requireNonNull(config, "config");
        this.defaultYearOnYear = new YearOnYearCalculator(config.stableBandPercent());
        this.growth = new GrowthCalculator(config.progressThresholdPercent());
        this.mannKendall = new MannKendallCalculator(config.significanceAlpha());
        this.senSlope = new SenSlopeCalculator(config.senConfidence());
    }

    /**
     * The long-term growth and Mann-Kendall (and so the overall assessment) on the last segment, see {@link Segment}.
     *
     * @throws IllegalArgumentException when the series is invalid, see {@link TimeSeries#of}
     */
    public TrendResult calculate(List<PeriodValue> observations, MeasureProperties measure) {
        TimeSeries series = TimeSeries.of(observations);
        TimeSeries segment = series.lastSegment();
        DesiredDirection direction = measure.desiredDirection();
        MannKendall mk = mannKendall.compute(segment);
        return new TrendResult(series.latest(), series.size(), series.points(),
                yearOnYear(measure).compute(series),
                growth.shortTerm(series, direction),
                growth.longTerm(segment, direction),
                mk,
                senSlope.compute(series),
                overall.assess(mk, direction),
                series.segment());
    }

    private YearOnYearCalculator yearOnYear(MeasureProperties measure) {
        Double band = measure.stableBandPercent();
        return band == null ? defaultYearOnYear : new YearOnYearCalculator(band);
    }
}
