package eu.drugsplan.contracts.trend;

import static eu.drugsplan.contracts.trend.Fixtures.annual;
import static eu.drugsplan.contracts.trend.Fixtures.close;
import static eu.drugsplan.contracts.trend.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Expected values: trend_reference.py, see {@link Fixtures}. */
class SenSlopeCalculatorTest {

    private final SenSlopeCalculator calculator = new SenSlopeCalculator();

    @Test
    void sens_own_example_reproduces_scipys_published_interval() {
        // Sen (1968) example, checked in scipy's test suite (test_theilslopes):
        // theilslopes(y, x, 0.07) gives slope 4, intercept 4, lower 3.71, upper 4.38 (2 decimals).
        double[] x = {1, 2, 3, 4, 10, 12, 18};
        double[] y = {9, 15, 19, 20, 45, 55, 78};

        SenSlope sen = new SenSlopeCalculator(0.93).compute(x, y);

        assertThat(sen.slope()).isEqualTo(4.0);
        assertThat(sen.intercept()).isEqualTo(4.0);
        assertThat(sen.lowSlope()).isCloseTo(26.0 / 7.0, close(3.71)); // ref.py: 3.7142857142857144
        assertThat(sen.highSlope()).isEqualTo(4.375);
        assertThat(sen.confidence()).isEqualTo(0.93);
    }

    @Test
    void sens_example_on_a_gappy_annual_axis_at_95_percent() {
        SenSlope sen = calculator.compute(series("2001", 9, "2002", 15, "2003", 19, "2004", 20, "2010", 45,
                "2012", 55, "2018", 78));

        // the axis shift moves the intercept only: 4 - 4 * 2000
        assertThat(sen.slope()).isEqualTo(4.0);
        assertThat(sen.intercept()).isEqualTo(-7996.0);
        assertThat(sen.lowSlope()).isCloseTo(3.7142857142857144, close(3.71));
        assertThat(sen.highSlope()).isEqualTo(4.375);
        assertThat(sen.confidence()).isEqualTo(0.95);
    }

    @Test
    void ties_in_values_narrow_sigma_as_scipy_does() {
        SenSlope sen = calculator.compute(Fixtures.annualWithGapsAndTies());

        // nt = 91, sigma = 18.211717839530312, indices Rl = 27, Ru = 63
        assertThat(sen.n()).isEqualTo(14);
        assertThat(sen.slope()).isCloseTo(0.457142857142857, close(0.457));
        assertThat(sen.intercept()).isCloseTo(-906.2999999999998, close(906.3));
        assertThat(sen.lowSlope()).isEqualTo(0.375);
        assertThat(sen.highSlope()).isCloseTo(0.5444444444444443, close(0.544));
        assertThat(sen.reason()).isNull();
    }

    @Test
    void a_quarterly_slope_is_per_year() {
        SenSlope sen = calculator.compute(Fixtures.quarterlyFalling());

        assertThat(sen.slope()).isCloseTo(-0.5171428571428573, close(0.517));
        assertThat(sen.intercept()).isCloseTo(1052.616428571429, close(1052.6));
        assertThat(sen.lowSlope()).isCloseTo(-0.6222222222222223, close(0.622));
        assertThat(sen.highSlope()).isCloseTo(-0.4, close(0.4));
    }

    @Test
    void a_monthly_slope_is_per_year() {
        SenSlope sen = calculator.compute(Fixtures.monthly());

        // nt = 276, Rl = 98, Ru = 177
        assertThat(sen.slope()).isCloseTo(4.499999999999488, close(4.5));
        assertThat(sen.intercept()).isCloseTo(-9067.312499998965, close(9067.3));
        assertThat(sen.lowSlope()).isCloseTo(1.8461538461539753, close(1.85));
        assertThat(sen.highSlope()).isCloseTo(6.8571428571437485, close(6.86));
    }

    @Test
    void a_weekly_slope_uses_the_53_week_year() {
        SenSlope sen = calculator.compute(Fixtures.weeklyAcross53WeekYear());

        assertThat(sen.slope()).isCloseTo(134.88601532566727, close(134.9));
        assertThat(sen.intercept()).isCloseTo(-272474.36446359503, close(272474.4));
        assertThat(sen.lowSlope()).isCloseTo(52.999999999981924, close(53.0));
        assertThat(sen.highSlope()).isCloseTo(194.33333333287675, close(194.3));
    }

    @Test
    void a_daily_slope_uses_the_leap_year_length() {
        SenSlope sen = calculator.compute(Fixtures.dailyAroundLeapDay());

        assertThat(sen.slope()).isCloseTo(274.49999999753464, close(274.5));
        assertThat(sen.intercept()).isCloseTo(-555626.3749950097, close(555626.4));
        assertThat(sen.lowSlope()).isZero();
        assertThat(sen.highSlope()).isCloseTo(732.0000000086548, close(732.0));
    }

    @Test
    void heavy_ties_give_a_flat_lower_bound() {
        SenSlope sen = calculator.compute(Fixtures.heavyTies());

        assertThat(sen.slope()).isCloseTo(0.29166666666666663, close(0.29));
        assertThat(sen.intercept()).isCloseTo(-582.3541666666666, close(582.35));
        assertThat(sen.lowSlope()).isZero();
        assertThat(sen.highSlope()).isEqualTo(0.5);
    }

    @Test
    void a_perfect_line_has_its_slope_inside_the_interval() {
        SenSlope sen = calculator.compute(Fixtures.steep30());

        assertThat(sen.slope()).isEqualTo(3.0);
        assertThat(sen.intercept()).isEqualTo(-5869.0);
        assertThat(sen.lowSlope()).isEqualTo(3.0);
        assertThat(sen.highSlope()).isCloseTo(3.04, close(3.04));
    }

    @Test
    void three_four_and_five_points_clamp_the_interval_to_the_extreme_slopes() {
        SenSlope three = calculator.compute(annual(2021, 4, 5, 7));
        SenSlope four = calculator.compute(annual(2020, 10, 9, 9, 6));
        SenSlope five = calculator.compute(Fixtures.fiveFalling());

        assertThat(three.slope()).isEqualTo(1.5);
        assertThat(three.intercept()).isEqualTo(-3028.0);
        assertThat(three.lowSlope()).isEqualTo(1.0);
        assertThat(three.highSlope()).isEqualTo(2.0);
        assertThat(four.slope()).isCloseTo(-1.1666666666666665, close(1.17));
        assertThat(four.intercept()).isCloseTo(2367.4166666666665, close(2367.4));
        assertThat(four.lowSlope()).isEqualTo(-3.0);
        assertThat(four.highSlope()).isZero();
        assertThat(five.slope()).isCloseTo(-4.583333333333334, close(4.58));
        assertThat(five.intercept()).isCloseTo(9303.916666666668, close(9303.9));
        assertThat(five.lowSlope()).isEqualTo(-7.0);
        assertThat(five.highSlope()).isEqualTo(-3.0);
    }

    @Test
    void two_points_give_their_own_slope_as_slope_and_both_bounds() {
        SenSlope sen = calculator.compute(series("2022-Q3", 2.0, "2023-Q1", 3.5));

        // 1.5 over half a year; intercept median(y) - 3 * median(t) = 2.75 - 3 * 2022.75
        assertThat(sen.slope()).isEqualTo(3.0);
        assertThat(sen.intercept()).isEqualTo(-6065.5);
        assertThat(sen.lowSlope()).isEqualTo(3.0);
        assertThat(sen.highSlope()).isEqualTo(3.0);
    }

    @Test
    void fewer_than_two_points_is_insufficient_data() {
        for (TimeSeries s : List.of(TimeSeries.of(List.of()), annual(2023, 1))) {
            SenSlope sen = calculator.compute(s);
            assertThat(sen.slope()).isNull();
            assertThat(sen.intercept()).isNull();
            assertThat(sen.lowSlope()).isNull();
            assertThat(sen.highSlope()).isNull();
            assertThat(sen.reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
        }
    }
}
