package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.catalogue.Plausibility;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The modified z-score of the value against the earlier values of its segment, once there are at least the
 * measure's minimum history of them.
 */
final class OutlierRule implements SeriesRule {

    @Override
    public Optional<Warning> check(SubmittedValue value, SeriesValues series, Plausibility plausibility) {
        if (plausibility.robustScore() == null) {
            return Optional.empty();
        }
        List<SeriesValues.Point> earlier = series.earlierInSegment(value.period());
        if (earlier.size() < plausibility.minimumHistory()) {
            return Optional.empty();
        }
        double[] history = earlier.stream().mapToDouble(p -> p.value().doubleValue()).toArray();
        OptionalDouble score = RobustScore.modifiedZ(history, value.value().doubleValue());
        if (score.isEmpty() || Math.abs(score.getAsDouble()) <= plausibility.robustScore().doubleValue()) {
            return Optional.empty();
        }
        double median = RobustScore.median(history);
        String message = WarningCode.OUTLIER.description() + String.format(Locale.ROOT,
                " Score %.2f (threshold %s) against %d earlier values (%s to %s: median %s, MAD %s).",
                score.getAsDouble(), SeriesRule.number(plausibility.robustScore()), history.length,
                earlier.get(0).period().text(), earlier.get(earlier.size() - 1).period().text(),
                plain(median), plain(RobustScore.mad(history)));
        return Optional.of(SeriesRule.warning(value, WarningCode.OUTLIER, message, BigDecimal.valueOf(median),
                score.getAsDouble()));
    }

    private static String plain(double value) {
        return SeriesRule.number(BigDecimal.valueOf(value));
    }
}
