package eu.drugsplan.contracts.trend;

/**
 * Theil-Sen slope with Sen's (1968) confidence interval, numerically as
 * {@code scipy.stats.theilslopes(y=values, x=decimal years, alpha=confidence)} reports them.
 *
 * @param n          the number of points
 * @param slope      the median pairwise slope, in value units per year
 * @param intercept  median(values) - slope * median(times): the line's value at decimal year 0,
 *                   as scipy's default ("separate") method defines it
 * @param lowSlope   lower bound of the confidence interval of the slope
 * @param highSlope  upper bound of the confidence interval of the slope
 * @param confidence the confidence level of the interval, e.g. 0.95
 * @param reason     why the values are null, see {@link Reasons}
 */
public record SenSlope(int n, Double slope, Double intercept, Double lowSlope, Double highSlope,
                       double confidence, String reason) {

    static SenSlope insufficient(int n, double confidence) {
        return new SenSlope(n, null, null, null, null, confidence, Reasons.INSUFFICIENT_DATA);
    }
}
