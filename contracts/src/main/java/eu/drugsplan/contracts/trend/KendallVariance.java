package eu.drugsplan.contracts.trend;

import java.util.Arrays;

/** The pieces of the variance of Kendall's S shared by Mann-Kendall and Sen's interval. */
final class KendallVariance {

    private KendallVariance() {
    }

    /** n(n-1)(2n+5): the untied term, and also the correction of one tie group of size n. */
    static long term(long n) {
        return n * (n - 1) * (2 * n + 5);
    }

    /** The sum of {@link #term} over the groups of exactly equal values (0.0 equals -0.0). */
    static long tieCorrection(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        long correction = 0;
        int groupStart = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[groupStart]) {
                correction += term(i - groupStart);
                groupStart = i;
            }
        }
        return correction;
    }
}
