package eu.drugsplan.contracts.trend;

import eu.drugsplan.contracts.series.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** Computes the {@link YearOnYear} change of a series. */
public final class YearOnYearCalculator {

    public static final double DEFAULT_STABLE_BAND_PERCENT = 10.0;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal stableBandPercent;

    public YearOnYearCalculator() {
        this(DEFAULT_STABLE_BAND_PERCENT);
    }

    /** @param stableBandPercent changes with an absolute percentage strictly below this are STABLE */
    public YearOnYearCalculator(double stableBandPercent) {
        if (!(stableBandPercent >= 0) || Double.isInfinite(stableBandPercent)) {
            throw new IllegalArgumentException("stable band must be a finite non-negative percentage");
        }
        this.stableBandPercent = BigDecimal.valueOf(stableBandPercent);
    }

    public YearOnYear compute(TimeSeries series) {
        TrendPoint latest = series.latest();
        if (latest == null) {
            return YearOnYear.noData();
        }
        Optional<TrendPoint> previous = Period.of(latest.period()).sameInPreviousYear()
                .flatMap(series::find);
        return previous.map(p -> compare(p, latest)).orElseGet(() -> YearOnYear.noPreviousData(latest));
    }

    private YearOnYear compare(TrendPoint previous, TrendPoint latest) {
        // Reported values are decimals (0.40, 0.44 mg) before they become doubles, and a double's shortest
        // decimal form gives them back. Binary arithmetic would turn 0.40 -> 0.44, exactly +10 %, into
        // 9.999999999999995 % and so into STABLE, where the rule (and EUDA's published label) says INCREASE.
        BigDecimal before = BigDecimal.valueOf(previous.value());
        BigDecimal change = BigDecimal.valueOf(latest.value()).subtract(before);
        double absolute = change.doubleValue();
        if (before.signum() == 0) {
            return fromZeroBase(previous, latest, absolute);
        }
        // Dividing by the magnitude keeps the sign of the percentage that of the change,
        // also for negative bases.
        double percent = change.multiply(HUNDRED).divide(before.abs(), MathContext.DECIMAL128).doubleValue();
        return new YearOnYear(latest, previous, absolute, percent, label(change, before), null);
    }

    private static YearOnYear fromZeroBase(TrendPoint previous, TrendPoint latest, double absolute) {
        if (absolute == 0) {
            return new YearOnYear(latest, previous, absolute, 0.0, YearOnYear.Label.STABLE, null);
        }
        YearOnYear.Label label = absolute > 0 ? YearOnYear.Label.INCREASE : YearOnYear.Label.DECREASE;
        return new YearOnYear(latest, previous, absolute, null, label, Reasons.ZERO_BASE);
    }

    /** |change| / |before| * 100 against the band without dividing, so that no rounding moves a boundary case. */
    private YearOnYear.Label label(BigDecimal change, BigDecimal before) {
        if (change.abs().multiply(HUNDRED).compareTo(stableBandPercent.multiply(before.abs())) < 0) {
            return YearOnYear.Label.STABLE;
        }
        return change.signum() > 0 ? YearOnYear.Label.INCREASE : YearOnYear.Label.DECREASE;
    }
}
