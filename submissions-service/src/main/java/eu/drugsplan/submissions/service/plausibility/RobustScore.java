package eu.drugsplan.submissions.service.plausibility;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The modified z-score of Iglewicz and Hoaglin (1993): M = 0.6745 (x - median) / MAD, where MAD is the median of
 * the absolute deviations from the median. 0.6745 is the 0.75 quantile of the standard normal distribution, so
 * that M is comparable with an ordinary z-score for normal data; median and MAD are not moved by the outliers
 * they are meant to find, as mean and standard deviation are.
 */
public final class RobustScore {

    static final double CONSISTENCY = 0.6745;

    private RobustScore() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static double mad(double[] values) {
        double median = median(values);
        return median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
    }

    /**
     * The score of x against the history; empty for an empty history and where the MAD is 0 (more than half of
     * the history is one value): the score would be infinite for every other value, which tells nothing.
     */
    public static OptionalDouble modifiedZ(double[] history, double x) {
        if (history.length == 0) {
            return OptionalDouble.empty();
        }
        double mad = mad(history);
        return mad == 0 ? OptionalDouble.empty() : OptionalDouble.of(CONSISTENCY * (x - median(history)) / mad);
    }
}
