package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.catalogue.Plausibility;
import java.math.BigDecimal;
import java.util.Optional;

/** A period already stored, reported again with another value: old and new side by side. */
final class RevisionRule implements SeriesRule {

    @Override
    public Optional<Warning> check(SubmittedValue value, SeriesValues series, Plausibility plausibility) {
        Optional<BigDecimal> stored = series.storedValue(value.period());
        if (stored.isEmpty() || stored.get().compareTo(value.value()) == 0) {
            return Optional.empty();
        }
        BigDecimal old = stored.get();
        Double change = SeriesRule.relativeChange(value.value(), old).orElse(null);
        String message = WarningCode.REVISION.description() + " Stored: " + SeriesRule.number(old) + ", now: "
                + SeriesRule.number(value.value()) + (change == null ? "" : " (" + SeriesRule.percent(change) + ")")
                + ". The new value replaces the stored one once applied.";
        return Optional.of(SeriesRule.warning(value, WarningCode.REVISION, message, old, change));
    }
}
