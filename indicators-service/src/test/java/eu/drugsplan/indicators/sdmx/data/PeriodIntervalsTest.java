package eu.drugsplan.indicators.sdmx.data;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.series.Period;
import java.time.LocalDate;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PeriodIntervalsTest {

    @ParameterizedTest(name = "{0} covers {1} to {2}")
    @CsvSource({
            "2017,          2017-01-01, 2017-12-31",
            "2017-Q1,       2017-01-01, 2017-03-31",
            "2017-Q4,       2017-10-01, 2017-12-31",
            "2017-01,       2017-01-01, 2017-01-31",
            "2016-02,       2016-02-01, 2016-02-29",
            "2017-W01,      2017-01-02, 2017-01-08",
            "2016-W52,      2016-12-26, 2017-01-01",
            "2020-W53,      2020-12-28, 2021-01-03",
            "2017-01-15,    2017-01-15, 2017-01-15",
            // SDMX reporting periods (reporting year from 1 January)
            "2017-A1,       2017-01-01, 2017-12-31",
            "2017-S2,       2017-07-01, 2017-12-31",
            "2017-T2,       2017-05-01, 2017-08-31",
            "2017-M02,      2017-02-01, 2017-02-28",
            "2017-D032,     2017-02-01, 2017-02-01",
            "2017-03-15T10:00:00Z, 2017-03-15, 2017-03-15",
            "2017-03-15T10:00:00, 2017-03-15, 2017-03-15"})
    void a_parameter_is_the_interval_it_covers(String text, LocalDate start, LocalDate end) {
        assertThat(PeriodIntervals.of(text)).contains(new PeriodIntervals.Interval(start, end));
    }

    @ParameterizedTest
    @CsvSource({"2017-Q5", "2017-13", "2017-W54", "2017-S3", "2017-A2", "2017-D366", "2017-M1", "17", "2017-02-30", "soon"})
    void what_is_no_period_is_refused(String text) {
        assertThat(PeriodIntervals.of(text)).isEmpty();
    }

    static Stream<Arguments> containing() {
        return Stream.of(
                Arguments.of(Frequency.A, "2017-01-01", "2017"),
                Arguments.of(Frequency.Q, "2017-05-31", "2017-Q2"),
                Arguments.of(Frequency.M, "2017-05-31", "2017-05"),
                Arguments.of(Frequency.W, "2017-01-01", "2016-W52"),
                Arguments.of(Frequency.W, "2021-01-03", "2020-W53"),
                Arguments.of(Frequency.D, "2017-05-31", "2017-05-31"));
    }

    @ParameterizedTest
    @MethodSource
    void containing(Frequency frequency, String day, String period) {
        assertThat(PeriodIntervals.containing(frequency, LocalDate.parse(day))).isEqualTo(period);
    }

    /**
     * The SQL compares texts per frequency with the period containing the bound's day; that must be the same
     * as comparing intervals, for every frequency and day.
     */
    @Property(tries = 2000)
    void text_comparison_with_the_containing_period_is_interval_overlap(
            @ForAll @IntRange(min = 0, max = 4) int frequencyIndex, @ForAll @IntRange(min = 0, max = 3000) int periodDay,
            @ForAll @IntRange(min = 0, max = 3000) int boundDay) {
        Frequency frequency = Frequency.values()[frequencyIndex];
        LocalDate origin = LocalDate.of(2015, 1, 1);
        Period period = Period.parse(PeriodIntervals.containing(frequency, origin.plusDays(periodDay))).orElseThrow();
        LocalDate bound = origin.plusDays(boundDay);
        String containing = PeriodIntervals.containing(frequency, bound);

        assertThat(period.text().compareTo(containing) >= 0).isEqualTo(PeriodIntervals.overlaps(period, bound, null));
        assertThat(period.text().compareTo(containing) <= 0).isEqualTo(PeriodIntervals.overlaps(period, null, bound));
    }
}
