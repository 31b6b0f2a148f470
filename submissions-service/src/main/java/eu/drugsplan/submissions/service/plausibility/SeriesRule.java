package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.catalogue.Plausibility;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;

/** A check of one submitted value against its own series. */
interface SeriesRule {

    /** @param value a row with a value (never a delete or a missing value) */
    Optional<Warning> check(SubmittedValue value, SeriesValues series, Plausibility plausibility);

    /** (value - reference) / |reference|; empty when the reference is 0, which gives no ratio. */
    static Optional<Double> relativeChange(BigDecimal value, BigDecimal reference) {
        if (reference.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(value.subtract(reference).divide(reference.abs(), MathContext.DECIMAL64).doubleValue());
    }

    static String percent(double relative) {
        return String.format(Locale.ROOT, "%+.1f %%", relative * 100);
    }

    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static Warning warning(SubmittedValue value, WarningCode code, String message, BigDecimal reference, Double score) {
        return new Warning(value.row(), "value", code, message, value.series().toString(), value.period().text(),
                value.value(), reference, score);
    }
}
