package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.contracts.series.Period;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The change against the same period a year before (2021-Q1 against 2020-Q1), beyond the measure's threshold.
 * Not across a break: a value flagged B, or one after a break that came later than a year before, is compared
 * with nothing before the break.
 */
final class YearOnYearRule implements SeriesRule {

    @Override
    public Optional<Warning> check(SubmittedValue value, SeriesValues series, Plausibility plausibility) {
        if (plausibility.yearOnYearChange() == null) {
            return Optional.empty();
        }
        Optional<Period> before = value.period().sameInPreviousYear();
        Optional<BigDecimal> reference = before.flatMap(p -> series.earlierInSegment(value.period()).stream()
                .filter(point -> point.period().equals(p)).findFirst().map(SeriesValues.Point::value));
        Optional<Double> change = reference.flatMap(r -> SeriesRule.relativeChange(value.value(), r));
        if (change.isEmpty() || Math.abs(change.get()) <= plausibility.yearOnYearChange().doubleValue()) {
            return Optional.empty();
        }
        String message = WarningCode.YEAR_ON_YEAR_CHANGE.description() + " " + before.get().text() + ": "
                + SeriesRule.number(reference.get()) + ", " + value.period().text() + ": "
                + SeriesRule.number(value.value()) + " (" + SeriesRule.percent(change.get()) + "; threshold "
                + SeriesRule.percent(plausibility.yearOnYearChange().doubleValue()).substring(1)
                + "). Check the value; if the recording changed, flag it with OBS_STATUS B.";
        return Optional.of(SeriesRule.warning(value, WarningCode.YEAR_ON_YEAR_CHANGE, message, reference.get(),
                change.get()));
    }
}
