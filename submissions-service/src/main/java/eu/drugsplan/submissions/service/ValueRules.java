package eu.drugsplan.submissions.service;

import eu.drugsplan.contracts.catalogue.UnitKind;
import eu.drugsplan.contracts.series.TextLimits;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The rules of a row's value: present unless its status says it is missing, a finite number of bounded length,
 * within what the trends compute exactly, and valid for the measure's unit kind (a count whole and not negative,
 * a percentage within 0-100 ...).
 */
final class ValueRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_YEARS = BigDecimal.valueOf(120);
    private static final BigDecimal SMALLEST = new BigDecimal("1e-15");
    private static final BigDecimal LARGEST = new BigDecimal("1e15");
    /**
     * Longest value text parsed: a storable value needs at most about 40 characters, and parsing a number of a
     * million digits takes seconds (BigDecimal's parsing is quadratic in the digits).
     */
    static final int VALUE_CHARS = 100;

    private ValueRules() {
    }

    /** A row's value as read: the conflict it draws, or the number (null when the row carries none). */
    record Read(Conflict conflict, BigDecimal value) {

        static Read of(BigDecimal value) {
            return new Read(null, value);
        }

        static Read refused(Conflict conflict) {
            return new Read(conflict, null);
        }
    }

    /** Reads a row's value once: its conflict, if any, or the number; {@code kind} is empty when the measure is unknown. */
    static Read read(ObservationRow row, Optional<UnitKind> kind, boolean missingStatus) {
        String text = row.value() == null ? "" : TextLimits.trimBlanks(row.value());
        if (text.isEmpty()) {
            return missingStatus ? Read.of(null) : Read.refused(conflict(row, ConflictCode.VALUE_MISSING));
        }
        if (row.value().length() > VALUE_CHARS) {
            return Read.refused(conflict(row, ConflictCode.TEXT_TOO_LONG));
        }
        Optional<BigDecimal> value = finiteDecimal(text);
        if (value.isEmpty()) {
            return Read.refused(conflict(row, ConflictCode.VALUE_NOT_FINITE));
        }
        if (!storable(value.get())) {
            return Read.refused(new Conflict(row.pointer("value"), "value", ConflictCode.VALUE_OUT_OF_RANGE,
                    "A value must be 0 or between 1e-15 and 1e15 in magnitude. Given: '" + row.value() + "'."));
        }
        Optional<Conflict> unit = kind.flatMap(u -> unitRule(text, value.get(), u).map(code -> new Conflict(
                row.pointer("value"), "value", code, code.description() + " Given: " + Conflict.quote(row.value())
                + " for a " + u + " measure.")));
        return unit.map(Read::refused).orElseGet(() -> Read.of(value.get()));
    }

    private static Optional<ConflictCode> unitRule(String text, BigDecimal value, UnitKind kind) {
        return fitsUnit(value, kind).or(() -> kind == UnitKind.COUNT && !wholeNumber(text, value)
                ? Optional.of(ConflictCode.VALUE_NOT_INTEGER) : Optional.empty());
    }

    private static Conflict conflict(ObservationRow row, ConflictCode code) {
        return Conflict.of(row.pointer("value"), "value", code, row.value());
    }

    /**
     * Whether a count is written as a whole number. In a CSV or SDMX-CSV cell or a JSON string a decimal point is
     * refused even before zeros: in much of the EU the point separates thousands, so 1.000 is a thousand, and
     * reading it as 1 would store a wrong value without a word; 12.0 from a tool that writes every number as a
     * float is refused with it, and the reporter resends 12. A JSON number is read by JSON's grammar (RFC 8259,
     * section 6: one decimal mark, no grouping), so it arrives as its value: 12.0 is 12 and passes, 1.5 does not.
     * An exponent (1E+3) is no separator and stays allowed.
     */
    static boolean wholeNumber(String text, BigDecimal value) {
        return text.indexOf('.') < 0 && value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * Trends and totals compute in doubles, exact to 15 significant digits: a larger magnitude loses its units,
     * and a tiny one ends up a 0 somewhere between here and the chart. No indicator counts or measures anything
     * near either bound.
     */
    static boolean storable(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        return value.signum() == 0
                || magnitude.compareTo(SMALLEST) >= 0 && magnitude.compareTo(LARGEST) < 0;
    }

    /** The rule a value breaks for its unit kind, if any. SCORE is the only kind without bounds. */
    static Optional<ConflictCode> fitsUnit(BigDecimal value, UnitKind kind) {
        boolean negative = value.signum() < 0;
        return switch (kind) {
            case COUNT, AMOUNT, LOAD -> negative ? Optional.of(ConflictCode.VALUE_NEGATIVE) : Optional.empty();
            case PERCENT -> outside(value, BigDecimal.ZERO, HUNDRED);
            case YEARS -> outside(value, BigDecimal.ZERO, MAX_YEARS);
            case BINARY -> value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0
                    ? Optional.empty() : Optional.of(ConflictCode.VALUE_OUT_OF_RANGE);
            case SCORE -> Optional.empty();
        };
    }

    private static Optional<ConflictCode> outside(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.compareTo(min) < 0 || value.compareTo(max) > 0
                ? Optional.of(ConflictCode.VALUE_OUT_OF_RANGE) : Optional.empty();
    }

    private static Optional<BigDecimal> finiteDecimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            // a value beyond double range cannot be charted or trended; refuse it here rather than downstream
            return Double.isFinite(value.doubleValue()) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
