package eu.drugsplan.contracts.trend;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Computes {@link SenSlope}. The interval follows scipy's {@code theilslopes} (scipy &gt;= 1.8)
 * step by step, including its index rounding, so the two can be checked against each other.
 */
public final class SenSlopeCalculator {

    public static final double DEFAULT_CONFIDENCE = 0.95;
    static final int MIN_POINTS = 2;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final double confidence;

    public SenSlopeCalculator() {
        this(DEFAULT_CONFIDENCE);
    }

    public SenSlopeCalculator(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie strictly between 0 and 1: " + confidence);
        }
        this.confidence = confidence;
    }

    public SenSlope compute(TimeSeries series) {
        return compute(series.times(), series.values());
    }

    /** @param times distinct decimal years in increasing order, as {@link TimeSeries} guarantees */
    SenSlope compute(double[] times, double[] values) {
        int n = values.length;
        if (n < MIN_POINTS) {
            return SenSlope.insufficient(n, confidence);
        }
        double[] slopes = sortedPairwiseSlopes(times, values);
        double slope = medianOfSorted(slopes);
        double intercept = median(values) - slope * median(times);
        double[] bounds = confidenceBounds(slopes, times, values);
        return new SenSlope(n, slope, intercept, bounds[0], bounds[1], confidence, null);
    }

    private static double[] sortedPairwiseSlopes(double[] times, double[] values) {
        double[] slopes = new double[times.length * (times.length - 1) / 2];
        int count = 0;
        for (int i = 0; i < times.length - 1; i++) {
            for (int j = i + 1; j < times.length; j++) {
                if (times[j] != times[i]) {
                    slopes[count++] = (values[j] - values[i]) / (times[j] - times[i]);
                }
            }
        }
        double[] used = Arrays.copyOf(slopes, count);
        Arrays.sort(used);
        return used;
    }

    // Sen (1968) eq. 2.6 as scipy codes it: z is the LOWER quantile (negative), so
    // (nt - z*sigma)/2 is the upper index; numpy rounds half to even, hence Math.rint.
    private double[] confidenceBounds(double[] slopes, double[] times, double[] values) {
        int nt = slopes.length;
        double alpha = 1.0 - confidence;
        double z = STANDARD_NORMAL.inverseCumulativeProbability(alpha / 2.0);
        long n = values.length;
        long untied = KendallVariance.term(n) - KendallVariance.tieCorrection(times)
                - KendallVariance.tieCorrection(values);
        // 1/18 * x rather than x / 18: scipy's order of operations, down to the last bit.
        double sigma = Math.sqrt((1.0 / 18.0) * untied);
        int upper = Math.min((int) Math.rint((nt - z * sigma) / 2.0), nt - 1);
        int lower = Math.max((int) Math.rint((nt + z * sigma) / 2.0) - 1, 0);
        double a = slopes[lower];
        double b = slopes[upper];
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted);
    }

    private static double medianOfSorted(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
