package eu.drugsplan.contracts.trend;

/**
 * Tunable parameters of the trend methods.
 *
 * @param stableBandPercent        year-on-year changes strictly below this percentage are STABLE,
 *                                 unless the measure sets its own band
 * @param progressThresholdPercent the CAGR, in percent a year, separating significant from moderate
 * @param significanceAlpha        the Mann-Kendall significance level
 * @param senConfidence            the confidence level of Sen's slope interval
 */
public record TrendConfig(double stableBandPercent, double progressThresholdPercent, double significanceAlpha,
                          double senConfidence) {

    public static final TrendConfig DEFAULTS = new TrendConfig(
            YearOnYearCalculator.DEFAULT_STABLE_BAND_PERCENT,
            GrowthCalculator.DEFAULT_THRESHOLD_PERCENT,
            MannKendallCalculator.DEFAULT_ALPHA,
            SenSlopeCalculator.DEFAULT_CONFIDENCE);
}
