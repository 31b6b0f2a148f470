package eu.drugsplan.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import eu.drugsplan.contracts.series.TextLimits;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The row rules of issue 14, one row of the table per rule, on the plain validator. */
class RowValidatorTest {

    private final RowValidator validator = Rows.validator();

    static Stream<Arguments> refused() {
        Rows.Row valid = Rows.valid();
        return Stream.of(
                // accepted means storable: a free text holds only storable characters, within its length
                arguments("a NUL in the comment", valid.comment("checked\u0000twice"), "comment", ConflictCode.TEXT_NOT_ALLOWED),
                arguments("a bell in the comment", valid.comment("ring \u0007"), "comment", ConflictCode.TEXT_NOT_ALLOWED),
                arguments("an escape in the comment", valid.comment("\u001B[31mred"), "comment", ConflictCode.TEXT_NOT_ALLOWED),
                arguments("a C1 control in the comment", valid.comment("next\u0085line"), "comment", ConflictCode.TEXT_NOT_ALLOWED),
                arguments("an unpaired surrogate in the comment", valid.comment("half \uD83D pair"), "comment", ConflictCode.TEXT_NOT_ALLOWED),
                arguments("a noncharacter in the comment", valid.comment("\uFFFF"), "comment", ConflictCode.TEXT_NOT_ALLOWED),
                arguments("a comment of 1001 characters", valid.comment("x".repeat(1001)), "comment", ConflictCode.TEXT_TOO_LONG),
                arguments("a value of 101 characters", valid.value("1".repeat(101)), "value", ConflictCode.TEXT_TOO_LONG),
                arguments("a NUL in the area", valid.area("A\u0000T"), "area", ConflictCode.AREA_INVALID),
                arguments("a measure code of 65 characters", valid.measure("PI09." + "X".repeat(60)), "measure", ConflictCode.MEASURE_INVALID),
                arguments("a dimension name of 60 characters", valid.dimensions(Rows.dimensions("SEX", "M", "AGE", "TOTAL",
                        "D".repeat(60), "X")), "dimensions/" + "D".repeat(52) + "\u2026", ConflictCode.DIMENSION_UNKNOWN),
                // plausible form: a count is a whole number written without a decimal point
                arguments("a count of 1.234", valid.value("1.234"), "value", ConflictCode.VALUE_NOT_INTEGER),
                arguments("a count of 1.000", valid.value("1.000"), "value", ConflictCode.VALUE_NOT_INTEGER),
                arguments("a count of 12.0", valid.value("12.0"), "value", ConflictCode.VALUE_NOT_INTEGER),
                arguments("a count of 0.5", valid.value("0.5"), "value", ConflictCode.VALUE_NOT_INTEGER),
                arguments("a count of 15E-1", valid.value("15E-1"), "value", ConflictCode.VALUE_NOT_INTEGER),
                arguments("a negative fractional count", valid.value("-1.5"), "value", ConflictCode.VALUE_NEGATIVE),
                // plausible form: periods lie in the configured years
                arguments("the year 0000", valid.period("0000"), "period", ConflictCode.PERIOD_OUT_OF_RANGE),
                arguments("the year 9999", valid.period("9999"), "period", ConflictCode.PERIOD_OUT_OF_RANGE),
                arguments("the year before the earliest", valid.period("1899"), "period", ConflictCode.PERIOD_OUT_OF_RANGE),
                arguments("the year after the latest", valid.period("2028"), "period", ConflictCode.PERIOD_OUT_OF_RANGE),
                arguments("a month of year 0000 for an annual measure", valid.period("0000-03"), "period", ConflictCode.PERIOD_OUT_OF_RANGE),
                arguments("a merge with the delete marker as its value", valid.value("-"), "value", ConflictCode.VALUE_NOT_FINITE),
                // a control character at the end of a code is refused, never trimmed away (found by the e2e generator)
                arguments("a status of A and a SOH", valid.status("A\u0001"), "status", ConflictCode.STATUS_INVALID),
                arguments("a status of A and a unit separator", valid.status("A\u001F"), "status", ConflictCode.STATUS_INVALID),
                arguments("an action of I and a SOH", valid.action("I\u0001"), "action", ConflictCode.ACTION_INVALID),
                arguments("an action of a unit separator", valid.action("\u001F"), "action", ConflictCode.ACTION_INVALID),
                arguments("a value of 5 and a SOH", valid.value("5\u0001"), "value", ConflictCode.VALUE_NOT_FINITE));
    }

    @ParameterizedTest(name = "{0} is refused with {3} on {2}")
    @MethodSource("refused")
    void each_rule_refuses_its_row_with_one_stable_code(String rule, Rows.Row row, String field, ConflictCode code) {
        List<Conflict> conflicts = validator.validate(row.row());

        assertThat(conflicts).as(rule).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(code);
            assertThat(conflict.field()).isEqualTo(field);
            assertThat(conflict.row()).isEqualTo("/observations/0");
        });
        assertThat(conflicts).allSatisfy(RowValidatorTest::storable);
    }

    static Stream<Arguments> accepted() {
        Rows.Row valid = Rows.valid();
        return Stream.of(
                arguments("a valid row", valid),
                arguments("tab, line feed and carriage return in the comment", valid.comment("line one\r\nline\ttwo")),
                arguments("a comment of exactly 1000 characters", valid.comment("x".repeat(1000))),
                arguments("a comment of 1000 characters outside the BMP", valid.comment("\uD83D\uDE00".repeat(500))),
                arguments("a count in exponent notation", valid.value("1E+3")),
                arguments("a percentage with decimals", valid.measure(Rows.COVERAGE).dimensions(Rows.dimensions()).value("12.5")),
                arguments("an amount of 1.234", valid.measure(Rows.ASSETS).dimensions(Rows.dimensions()).value("1.234")),
                arguments("the earliest year", valid.period("1900")),
                arguments("the latest year", valid.period("2027")),
                arguments("a delete whose value is SDMX-CSV's marker", valid.action("D").value("-")),
                arguments("a delete whose value is any word", valid.action("DELETE").value("whatever")),
                arguments("a delete whose value is 1.234", valid.action("D").value("1.234")),
                arguments("spaces and tabs around status, action and value", valid.status(" A\t").action("\tI ").value(" 12 ")),
                arguments("SDMX-ML's words for the data set's action", valid.action("Information")),
                arguments("SDMX-ML's Replace", valid.action("Replace")));
    }

    @ParameterizedTest(name = "{0} is accepted")
    @MethodSource("accepted")
    void rows_within_the_rules_are_accepted(String rule, Rows.Row row) {
        assertThat(validator.validate(row.row())).as(rule).isEmpty();
    }

    @Test
    void a_delete_carries_no_value_whatever_it_says() {
        assertThat(RowValidator.value(Rows.valid().action("D").value("-").row())).isEmpty();
        assertThat(RowValidator.value(Rows.valid().action("d").value("1.5").row())).isEmpty();
        assertThat(RowValidator.value(Rows.valid().value("12").row())).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("12"));
    }

    @Test
    void an_out_of_range_period_names_the_accepted_years() {
        assertThat(validator.validate(Rows.valid().period("0000").row())).singleElement()
                .satisfies(c -> assertThat(c.message()).contains("'0000'", "1900 to 2027"));
    }

    @Test
    void the_range_follows_the_current_year_and_the_offset() {
        assertThat(PeriodRange.upTo(1900, 2026, 1)).isEqualTo(new PeriodRange(1900, 2027));
        assertThat(PeriodRange.upTo(1990, 2026, 0).contains(2027)).isFalse();
    }

    @Test
    void a_cut_text_ends_with_an_ellipsis_and_never_splits_a_surrogate_pair() {
        assertThat(TextLimits.clean("a\uD83D\uDE00bbb", 3)).isEqualTo("a\u2026");
        assertThat(TextLimits.clean("ab\uD83D\uDE00c", 3)).isEqualTo("ab\u2026");
        assertThat(TextLimits.clean("a\u0000b", 3)).isEqualTo("a\uFFFDb");
    }

    static void storable(Conflict conflict) {
        assertThat(TextLimits.fits(conflict.row(), Conflict.POINTER)).isTrue();
        assertThat(TextLimits.fits(conflict.field(), Conflict.FIELD)).isTrue();
        assertThat(TextLimits.fits(conflict.message(), Conflict.MESSAGE)).isTrue();
    }
}
