package eu.drugsplan.contracts.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PeriodPropertiesTest {

    @Property
    void the_canonical_text_parses_back_to_the_same_period(@ForAll("periods") Period period) {
        assertThat(Period.parse(period.text())).contains(period);
        assertThat(Period.parseSdmx(period.text())).contains(period);
    }

    @Property
    void the_period_a_year_before_has_the_same_frequency_and_starts_about_a_year_earlier(
            @ForAll("periods") Period period) {
        period.sameInPreviousYear().ifPresent(previous -> {
            assertThat(previous.frequency()).isEqualTo(period.frequency());
            assertThat(previous.year()).isEqualTo(period.year() - 1);
            assertThat(period.decimalYear() - previous.decimalYear()).isBetween(0.98, 1.02);
        });
    }

    @Property
    void consecutive_periods_touch_and_the_later_starts_later(@ForAll("periods") Period period) {
        period.next().ifPresent(next -> {
            assertThat(next.frequency()).isEqualTo(period.frequency());
            assertThat(next.start()).isEqualTo(period.end());
            assertThat(next.decimalYear()).isGreaterThan(period.decimalYear());
        });
    }

    @Property
    void every_day_of_a_period_lies_in_it_and_in_no_neighbour(@ForAll("periods") Period period) {
        LocalDate last = period.end().minusDays(1);
        assertThat(period.contains(last)).isTrue();
        period.next().ifPresent(next -> assertThat(next.contains(last)).isFalse());
    }

    @Provide
    Arbitrary<Period> periods() {
        Arbitrary<Integer> years = Arbitraries.integers().between(0, 9999);
        Arbitrary<Period> days = Arbitraries.longs()
                .between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(day -> Period.ofDate(LocalDate.ofEpochDay(day)));
        Arbitrary<Period> weeks = Combinators.combine(years, Arbitraries.integers().between(1, 53))
                .filter((year, week) -> week <= LocalDate.of(year, 12, 28).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                .as((year, week) -> new Period(Frequency.W, year, week));
        return Arbitraries.oneOf(
                years.map(year -> new Period(Frequency.A, year, 1)),
                Combinators.combine(years, Arbitraries.integers().between(1, 2)).as((y, i) -> new Period(Frequency.S, y, i)),
                Combinators.combine(years, Arbitraries.integers().between(1, 4)).as((y, i) -> new Period(Frequency.Q, y, i)),
                Combinators.combine(years, Arbitraries.integers().between(1, 12)).as((y, i) -> new Period(Frequency.M, y, i)),
                weeks, days);
    }
}
