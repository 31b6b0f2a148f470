package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.submissions.service.plausibility.SeriesValues.Point;
import java.util.List;
import java.util.Optional;

/**
 * A change of level without a break flag: against the previous value of the series the value jumps by more
 * than the measure's threshold, and the next value (from the submission or the store) stays at the new level,
 * within the threshold. That is what a change of recording looks like (Austria's drug law offences, 1,990 in
 * 2012 and 27,231 in 2013, then 29,164), unlike a one-off spike, which comes back. Without a next value the jump
 * is only a year-on-year change.
 */
final class BreakRule implements SeriesRule {

    @Override
    public Optional<Warning> check(SubmittedValue value, SeriesValues series, Plausibility plausibility) {
        if (plausibility.yearOnYearChange() == null || value.flaggedBreak()) {
            return Optional.empty();
        }
        double threshold = plausibility.yearOnYearChange().doubleValue();
        List<Point> earlier = series.earlierInSegment(value.period());
        Optional<Point> next = series.nextInSegment(value.period());
        if (earlier.isEmpty() || next.isEmpty()) {
            return Optional.empty();
        }
        Point previous = earlier.get(earlier.size() - 1);
        Optional<Double> jump = SeriesRule.relativeChange(value.value(), previous.value());
        Optional<Double> after = SeriesRule.relativeChange(next.get().value(), value.value());
        if (jump.isEmpty() || after.isEmpty() || Math.abs(jump.get()) <= threshold || Math.abs(after.get()) > threshold) {
            return Optional.empty();
        }
        String message = WarningCode.BREAK_NOT_FLAGGED.description() + " " + previous.period().text() + ": "
                + SeriesRule.number(previous.value()) + ", " + value.period().text() + ": "
                + SeriesRule.number(value.value()) + " (" + SeriesRule.percent(jump.get()) + "), "
                + next.get().period().text() + ": " + SeriesRule.number(next.get().value()) + ".";
        return Optional.of(SeriesRule.warning(value, WarningCode.BREAK_NOT_FLAGGED, message, previous.value(),
                jump.get()));
    }
}
