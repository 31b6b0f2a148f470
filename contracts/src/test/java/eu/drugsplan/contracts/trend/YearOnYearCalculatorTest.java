package eu.drugsplan.contracts.trend;

import static eu.drugsplan.contracts.trend.Fixtures.close;
import static eu.drugsplan.contracts.trend.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class YearOnYearCalculatorTest {

    private final YearOnYearCalculator calculator = new YearOnYearCalculator();

    @Test
    void a_rise_beyond_the_band_is_an_increase() {
        YearOnYear yoy = calculator.compute(series("2021", 90.0, "2022", 100.0, "2023", 115.0));

        assertThat(yoy.previous().period()).isEqualTo("2022");
        assertThat(yoy.absoluteChange()).isEqualTo(15.0);
        assertThat(yoy.percentChange()).isCloseTo(15.0, close(15.0)); // 15 / 100
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.INCREASE);
        assertThat(yoy.reason()).isNull();
    }

    @Test
    void a_fall_beyond_the_band_is_a_decrease() {
        YearOnYear yoy = calculator.compute(series("2022", 200.0, "2023", 150.0));

        assertThat(yoy.absoluteChange()).isEqualTo(-50.0);
        assertThat(yoy.percentChange()).isCloseTo(-25.0, close(-25.0)); // -50 / 200
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.DECREASE);
    }

    @Test
    void a_change_strictly_inside_the_band_is_stable() {
        YearOnYear yoy = calculator.compute(series("2022", 100.0, "2023", 109.99));

        assertThat(yoy.percentChange()).isCloseTo(9.99, close(9.99));
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.STABLE);
    }

    @Test
    void a_change_exactly_at_the_band_is_not_stable() {
        // 8/80 and -5/50 are exactly +-10 % in binary floating point
        assertThat(calculator.compute(series("2022", 80.0, "2023", 88.0)).percentChange()).isEqualTo(10.0);
        assertThat(calculator.compute(series("2022", 80.0, "2023", 88.0)).label())
                .isEqualTo(YearOnYear.Label.INCREASE);
        assertThat(calculator.compute(series("2022", 50.0, "2023", 45.0)).label())
                .isEqualTo(YearOnYear.Label.DECREASE);
    }

    @Test
    void a_decimal_change_of_exactly_ten_percent_is_not_stable_although_binary_arithmetic_makes_it_less() {
        // in doubles (0.44 - 0.40) / 0.40 * 100 is 9.999999999999995 and (0.45 - 0.50) / 0.50 * 100 is
        // -9.999999999999998; the reported decimals change by exactly 10 %, outside the band
        YearOnYear rise = calculator.compute(series("2023", 0.40, "2024", 0.44));
        YearOnYear fall = calculator.compute(series("2023", 0.50, "2024", 0.45));

        assertThat(rise.label()).isEqualTo(YearOnYear.Label.INCREASE);
        assertThat(rise.percentChange()).isEqualTo(10.0);
        assertThat(rise.absoluteChange()).isEqualTo(0.04);
        assertThat(fall.label()).isEqualTo(YearOnYear.Label.DECREASE);
        assertThat(fall.percentChange()).isEqualTo(-10.0);
    }

    @Test
    void a_decimal_change_just_inside_the_band_stays_stable() {
        YearOnYear yoy = calculator.compute(series("2023", 1039.87, "2024", 935.9)); // -9.998 %

        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.STABLE);
        assertThat(yoy.percentChange()).isCloseTo(-9.998365180262917, close(-9.998365180262917));
    }

    @Test
    void zero_to_zero_is_stable_with_no_change() {
        YearOnYear yoy = calculator.compute(series("2022", 0.0, "2023", 0.0));

        assertThat(yoy.absoluteChange()).isZero();
        assertThat(yoy.percentChange()).isZero();
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.STABLE);
        assertThat(yoy.reason()).isNull();
    }

    @Test
    void zero_to_positive_is_an_increase_without_percentage() {
        YearOnYear yoy = calculator.compute(series("2022", 0.0, "2023", 3.0));

        assertThat(yoy.absoluteChange()).isEqualTo(3.0);
        assertThat(yoy.percentChange()).isNull();
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.INCREASE);
        assertThat(yoy.reason()).isEqualTo(Reasons.ZERO_BASE);
    }

    @Test
    void positive_to_zero_is_a_hundred_percent_decrease() {
        YearOnYear yoy = calculator.compute(series("2022", 4.0, "2023", 0.0));

        assertThat(yoy.absoluteChange()).isEqualTo(-4.0);
        assertThat(yoy.percentChange()).isEqualTo(-100.0);
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.DECREASE);
    }

    @Test
    void a_rise_from_a_negative_base_has_a_positive_percentage() {
        YearOnYear yoy = calculator.compute(series("2022", -20.0, "2023", -10.0));

        assertThat(yoy.percentChange()).isEqualTo(50.0); // +10 over |-20|
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.INCREASE);
    }

    @Test
    void a_missing_year_before_gives_no_previous_data() {
        YearOnYear yoy = calculator.compute(series("2020", 1.0, "2021", 2.0, "2023", 5.0));

        assertThat(yoy.latest().period()).isEqualTo("2023");
        assertThat(yoy.previous()).isNull();
        assertThat(yoy.absoluteChange()).isNull();
        assertThat(yoy.percentChange()).isNull();
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.NO_PREVIOUS_DATA);
        assertThat(yoy.reason()).isEqualTo(Reasons.NO_PREVIOUS_DATA);
    }

    @Test
    void a_single_point_gives_no_previous_data() {
        assertThat(calculator.compute(series("2023", 5.0)).label()).isEqualTo(YearOnYear.Label.NO_PREVIOUS_DATA);
    }

    @Test
    void an_empty_series_gives_no_data() {
        YearOnYear yoy = calculator.compute(TimeSeries.of(List.of()));

        assertThat(yoy.latest()).isNull();
        assertThat(yoy.label()).isNull();
        assertThat(yoy.reason()).isEqualTo(Reasons.NO_DATA);
    }

    @Test
    void a_quarter_is_compared_with_the_same_quarter_not_the_previous_one() {
        YearOnYear yoy = calculator.compute(Fixtures.quarterlyFalling());

        // 2022-Q2 6.5 against 2021-Q2 7.4; python3: repr((6.5-7.4)/7.4*100) == '-12.162162162162167'
        assertThat(yoy.previous().period()).isEqualTo("2021-Q2");
        assertThat(yoy.absoluteChange()).isCloseTo(-0.9000000000000004, close(-0.9));
        assertThat(yoy.percentChange()).isCloseTo(-12.162162162162167, close(-12.16));
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.DECREASE);
    }

    @Test
    void a_month_is_compared_with_the_same_month() {
        YearOnYear yoy = calculator.compute(Fixtures.monthly());

        // 2023-12 44 against 2022-12 41; python3: repr((44-41)/41*100) == '7.317073170731707'
        assertThat(yoy.previous().period()).isEqualTo("2022-12");
        assertThat(yoy.percentChange()).isCloseTo(7.317073170731707, close(7.3));
        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.STABLE);
    }

    @Test
    void a_week_is_compared_with_the_same_iso_week() {
        YearOnYear yoy = calculator.compute(series("2020-W05", 133.0, "2021-W04", 120.0, "2021-W05", 140.0));

        // python3: repr((140-133)/133*100) == '5.263157894736842'
        assertThat(yoy.previous().period()).isEqualTo("2020-W05");
        assertThat(yoy.percentChange()).isCloseTo(5.263157894736842, close(5.26));
    }

    @Test
    void week_53_has_no_counterpart_in_a_52_week_year() {
        YearOnYear yoy = calculator.compute(series("2019-W52", 1.0, "2020-W01", 2.0, "2020-W53", 3.0));

        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.NO_PREVIOUS_DATA);
    }

    @Test
    void a_day_is_compared_with_the_same_calendar_day() {
        YearOnYear yoy = calculator.compute(series("2023-02-28", 5.0, "2023-03-01", 4.0, "2024-03-01", 6.0));

        assertThat(yoy.previous().period()).isEqualTo("2023-03-01");
        assertThat(yoy.percentChange()).isEqualTo(50.0);
    }

    @Test
    void a_leap_day_has_no_counterpart() {
        YearOnYear yoy = calculator.compute(series("2023-02-28", 5.0, "2023-03-01", 4.0, "2024-02-29", 6.0));

        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.NO_PREVIOUS_DATA);
    }

    @Test
    void a_wider_band_turns_an_increase_into_stable() {
        YearOnYear yoy = new YearOnYearCalculator(20.0).compute(series("2022", 100.0, "2023", 115.0));

        assertThat(yoy.label()).isEqualTo(YearOnYear.Label.STABLE);
    }
}
