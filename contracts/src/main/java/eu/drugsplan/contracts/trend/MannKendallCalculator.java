package eu.drugsplan.contracts.trend;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Computes the {@link MannKendall} test. */
public final class MannKendallCalculator {

    public static final double DEFAULT_ALPHA = 0.05;
    static final int MIN_POINTS = 3;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final double alpha;

    public MannKendallCalculator() {
        this(DEFAULT_ALPHA);
    }

    /** @param alpha the significance level: a trend is reported when p &lt; alpha */
    public MannKendallCalculator(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie strictly between 0 and 1: " + alpha);
        }
        this.alpha = alpha;
    }

    public MannKendall compute(TimeSeries series) {
        return compute(series.values());
    }

    /** @param values the observations in time order */
    MannKendall compute(double[] values) {
        int n = values.length;
        if (n < MIN_POINTS) {
            return MannKendall.insufficient(n);
        }
        long s = kendallS(values);
        double variance = (KendallVariance.term(n) - KendallVariance.tieCorrection(values)) / 18.0;
        double z = zScore(s, variance);
        double p = variance == 0 ? 1.0 : twoSidedP(z);
        double tau = s / (n * (n - 1) / 2.0);
        return new MannKendall(n, s, variance, z, p, tau, verdict(s, p), null);
    }

    private static long kendallS(double[] values) {
        long s = 0;
        for (int i = 0; i < values.length - 1; i++) {
            for (int j = i + 1; j < values.length; j++) {
                s += sign(values[j], values[i]);
            }
        }
        return s;
    }

    // Plain comparisons, not Double.compare, so that 0.0 and -0.0 count as a tie.
    private static int sign(double later, double earlier) {
        if (later > earlier) {
            return 1;
        }
        return later < earlier ? -1 : 0;
    }

    private static double zScore(long s, double variance) {
        if (s == 0 || variance == 0) {
            return 0.0;
        }
        return (s > 0 ? s - 1 : s + 1) / Math.sqrt(variance);
    }

    // 2 * (1 - Phi(|z|)) evaluated as 2 * Phi(-|z|): the same number, without the cancellation
    // that would flush small p-values to 0.
    private static double twoSidedP(double z) {
        return 2.0 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
    }

    private MannKendall.Trend verdict(long s, double p) {
        if (p >= alpha || s == 0) {
            return MannKendall.Trend.NO_TREND;
        }
        return s > 0 ? MannKendall.Trend.INCREASING : MannKendall.Trend.DECREASING;
    }
}
