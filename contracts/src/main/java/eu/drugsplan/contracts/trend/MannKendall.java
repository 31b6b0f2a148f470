package eu.drugsplan.contracts.trend;

/**
 * Mann-Kendall trend test over the whole series.
 *
 * @param n         the number of points
 * @param s         Kendall's S, the sum of sign(x_j - x_i) over all i &lt; j in time order
 * @param varianceS Var(S) with the correction for tied values
 * @param z         the continuity-corrected normal score
 * @param pValue    the two-sided p-value
 * @param tau       Kendall's tau-a, S / (n(n-1)/2): ties lower its magnitude, unlike tau-b
 * @param trend     the verdict at the configured significance level
 * @param reason    why the values are null, see {@link Reasons}
 */
public record MannKendall(int n, Long s, Double varianceS, Double z, Double pValue, Double tau,
                          Trend trend, String reason) {

    public enum Trend {
        INCREASING,
        DECREASING,
        NO_TREND
    }

    static MannKendall insufficient(int n) {
        return new MannKendall(n, null, null, null, null, null, null, Reasons.INSUFFICIENT_DATA);
    }
}
