package eu.drugsplan.reporting.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

    @Test
    void a_year_starts_at_its_integer_value() {
        assertThat(ReportingPeriod.parse("2021").decimalYear()).isEqualTo(2021.0);
    }

    @Test
    void a_quarter_adds_a_quarter_year_per_elapsed_quarter() {
        assertThat(ReportingPeriod.parse("2021-Q2").decimalYear()).isEqualTo(2021.25);
        assertThat(ReportingPeriod.parse("2021-Q4").decimalYear()).isEqualTo(2021.75);
    }

    @Test
    void a_month_adds_a_twelfth_per_elapsed_month() {
        // python3: repr(2021 + 2/12) == '2021.1666666666667'
        assertThat(ReportingPeriod.parse("2021-03").decimalYear()).isEqualTo(2021.1666666666667);
    }

    @Test
    void a_week_of_a_52_week_year_adds_a_fifty_second_per_elapsed_week() {
        // python3: repr(2021 + 4/52) == '2021.076923076923'
        assertThat(ReportingPeriod.parse("2021-W05").decimalYear()).isEqualTo(2021.076923076923);
    }

    @Test
    void week_53_stays_inside_its_week_based_year() {
        // 2020 has 53 ISO weeks; python3: repr(2020 + 52/53) == '2020.9811320754718'
        assertThat(ReportingPeriod.parse("2020-W53").decimalYear()).isEqualTo(2020.9811320754718)
                .isLessThan(ReportingPeriod.parse("2021-W01").decimalYear());
    }

    @Test
    void a_week_belongs_to_its_iso_week_based_year_not_the_calendar_year() {
        // 2021-W01 begins on Monday 4 January 2021 and 2020-W53 ends on Sunday 3 January 2021;
        // the axis uses the week-based year, so 2021-W01 is exactly 2021.0.
        assertThat(ReportingPeriod.parse("2021-W01").decimalYear()).isEqualTo(2021.0);
    }

    @Test
    void a_day_adds_elapsed_days_over_the_length_of_its_year() {
        // 15 March is day 74 of 2021 and day 75 of 2024 (leap);
        // python3: repr(2021 + 73/365) == '2021.2', repr(2024 + 74/366) == '2024.2021857923498'
        assertThat(ReportingPeriod.parse("2021-03-15").decimalYear()).isEqualTo(2021.2);
        assertThat(ReportingPeriod.parse("2024-03-15").decimalYear()).isEqualTo(2024.2021857923498);
    }

    @ParameterizedTest
    @CsvSource({"2021-q2, 2021-Q2", "2021-w05, 2021-W05", "2021-03, 2021-03", "2021-03-05, 2021-03-05"})
    void lower_case_designators_are_accepted_and_canonicalised(String text, String canonical) {
        assertThat(ReportingPeriod.parse(text)).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"21", "2021-Q5", "2021-Q0", "2021-13", "2021-00", "2021-W00", "2021-W54",
        "2021-W53", "2021-02-29", "2021-3", "2021/03", "2021-S1", " 2021", ""})
    void malformed_or_impossible_periods_are_rejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportingPeriod.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"2021, 2020", "2021-Q2, 2020-Q2", "2021-03, 2020-03", "2021-W05, 2020-W05",
        "2021-W52, 2020-W52", "2024-03-01, 2023-03-01", "2021-12-31, 2020-12-31"})
    void the_same_period_a_year_before_keeps_quarter_month_week_or_day(String period, String previous) {
        assertThat(ReportingPeriod.parse(period).sameInPreviousYear()).hasValueSatisfying(
                p -> assertThat(p).hasToString(previous));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-W53", "2024-02-29"})
    void a_period_without_a_counterpart_a_year_before_has_none(String period) {
        // 2019 has 52 ISO weeks, 2023 no 29 February
        assertThat(ReportingPeriod.parse(period).sameInPreviousYear()).isEmpty();
    }
}
