package eu.drugsplan.contracts.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2021,       A, 2021, 1",
        "2021-S2,    S, 2021, 2",
        "2021-Q1,    Q, 2021, 1",
        "2021-12,    M, 2021, 12",
        "2020-W53,   W, 2020, 53",
        "2021-03-15, D, 2021, 74",
        "2024-12-31, D, 2024, 366",
        "0000-03,    M, 0, 3"})
    void the_canonical_forms_parse_to_frequency_year_and_index(String text, Frequency frequency, int year, int index) {
        assertThat(Period.parse(text)).contains(new Period(frequency, year, index));
        assertThat(Period.of(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"21", "02021", "2021-Q5", "2021-Q0", "2021-S0", "2021-S3", "2021-13", "2021-00",
        "2021-W00", "2021-W54", "2021-W53", "2021-02-29", "2021-02-30", "2021-3", "2021/03", " 2021", "2021 ", "",
        "2021-q2", "2021-w05", "2021-A1", "2021-M03", "2021-D074", "-2016", "99999999999", "2021-Q1-01"})
    void anything_else_is_not_a_period(String text) {
        assertThat(Period.parse(text)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Period.of(text));
    }

    @Test
    void null_is_not_a_period() {
        assertThat(Period.parse(null)).isEmpty();
        assertThat(Period.parseSdmx(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2021-A1, 2021", "2021-M03, 2021-03", "2021-D074, 2021-03-15", "2024-D366, 2024-12-31",
        "2021-S1, 2021-S1", "2021-Q3, 2021-Q3", "2021-W05, 2021-W05", "2021-03, 2021-03"})
    void sdmx_reporting_periods_of_a_year_starting_on_1_january_are_their_iso_period(String sdmx, String iso) {
        assertThat(Period.parseSdmx(sdmx)).contains(Period.of(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-A2", "2021-A0", "2021-M13", "2021-M00", "2021-M3", "2021-D000", "2021-D366",
        "2021-D74", "2021-T1", "2021-a1"})
    void impossible_sdmx_reporting_periods_are_refused(String text) {
        assertThat(Period.parseSdmx(text)).isEmpty();
    }

    // The decimal years are the values the trend reference tests were computed with (python3 repr of the same sums).
    @ParameterizedTest
    @CsvSource({
        "2021,       2021.0",
        "2021-S2,    2021.5",
        "2021-Q2,    2021.25",
        "2021-Q4,    2021.75",
        "2021-03,    2021.1666666666667",
        "2021-W05,   2021.076923076923",
        "2020-W53,   2020.9811320754718",
        "2021-W01,   2021.0",
        "2021-03-15, 2021.2",
        "2024-03-15, 2024.2021857923498"})
    void a_period_starts_at_its_decimal_year(String text, double decimalYear) {
        assertThat(Period.of(text).decimalYear()).isEqualTo(decimalYear);
    }

    @ParameterizedTest
    @CsvSource({"2021, 2020", "2021-S1, 2020-S1", "2021-Q2, 2020-Q2", "2021-03, 2020-03", "2021-W05, 2020-W05",
        "2021-W52, 2020-W52", "2024-03-01, 2023-03-01", "2021-12-31, 2020-12-31", "2025-03-01, 2024-03-01"})
    void the_same_period_a_year_before_keeps_semester_quarter_month_week_or_day(String period, String previous) {
        assertThat(Period.of(period).sameInPreviousYear()).contains(Period.of(previous));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-W53", "2024-02-29", "0000", "0000-Q3"})
    void a_period_without_a_counterpart_a_year_before_has_none(String period) {
        // 2019 has 52 ISO weeks, 2023 no 29 February, 0000 is the first four-digit year
        assertThat(Period.of(period).sameInPreviousYear()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "2021,       2021-01-01, 2022-01-01",
        "2021-S2,    2021-07-01, 2022-01-01",
        "2021-Q1,    2021-01-01, 2021-04-01",
        "2024-02,    2024-02-01, 2024-03-01",
        // ISO week 1 of 2021 starts on Monday 4 January; week 53 of 2020 ends on Sunday 3 January 2021
        "2021-W01,   2021-01-04, 2021-01-11",
        "2020-W53,   2020-12-28, 2021-01-04",
        "2026-W01,   2025-12-29, 2026-01-05",
        "2021-03-15, 2021-03-15, 2021-03-16"})
    void a_period_is_the_interval_from_its_first_day_to_the_day_after_its_last(String text, LocalDate start,
            LocalDate end) {
        Period period = Period.of(text);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.contains(start)).isTrue();
        assertThat(period.contains(end.minusDays(1))).isTrue();
        assertThat(period.contains(end)).isFalse();
        assertThat(period.contains(start.minusDays(1))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2021, 2022", "2021-S2, 2022-S1", "2021-Q4, 2022-Q1", "2021-12, 2022-01", "2020-W52, 2020-W53",
        "2020-W53, 2021-W01", "2021-W52, 2022-W01", "2024-12-31, 2025-01-01", "2024-02-28, 2024-02-29"})
    void the_next_period_follows_across_year_ends(String period, String next) {
        assertThat(Period.of(period).next()).contains(Period.of(next));
    }

    @Test
    void the_last_representable_period_has_no_successor() {
        assertThat(Period.of("9999-12-31").next()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"A, 2021, 2", "Q, 2021, 0", "W, 2021, 53", "D, 2021, 366", "M, -1, 1", "M, 10000, 1"})
    void a_period_out_of_range_cannot_be_built(Frequency frequency, int year, int index) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Period(frequency, year, index));
    }
}
