package eu.drugsplan.contracts.trend;

import static eu.drugsplan.contracts.trend.Fixtures.annual;
import static eu.drugsplan.contracts.trend.Fixtures.close;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Expected values: trend_reference.py, see {@link Fixtures}. */
class MannKendallCalculatorTest {

    private final MannKendallCalculator calculator = new MannKendallCalculator();

    @Test
    void ties_and_gaps_reduce_the_variance_of_s() {
        MannKendall mk = calculator.compute(Fixtures.annualWithGapsAndTies());

        // two tie groups of 2: Var = (14*13*33 - 2*(2*1*9)) / 18 = (6006 - 36) / 18
        assertThat(mk.n()).isEqualTo(14);
        assertThat(mk.s()).isEqualTo(81L);
        assertThat(mk.varianceS()).isCloseTo(331.6666666666667, close(331.67));
        assertThat(mk.z()).isCloseTo(4.392776162298769, close(4.39));
        assertThat(mk.pValue()).isCloseTo(1.1191233509566035e-05, close(1.1e-5));
        assertThat(mk.tau()).isCloseTo(0.8901098901098901, close(0.89)); // 81 / 91
        assertThat(mk.trend()).isEqualTo(MannKendall.Trend.INCREASING);
        assertThat(mk.reason()).isNull();
    }

    @Test
    void a_falling_quarterly_series_is_decreasing() {
        MannKendall mk = calculator.compute(Fixtures.quarterlyFalling());

        assertThat(mk.s()).isEqualTo(-68L);
        assertThat(mk.varianceS()).isCloseTo(266.6666666666667, close(266.67));
        assertThat(mk.z()).isCloseTo(-4.102895319161823, close(4.1));
        assertThat(mk.pValue()).isCloseTo(4.080118836788852e-05, close(4e-5));
        assertThat(mk.tau()).isCloseTo(-0.8717948717948718, close(0.87));
        assertThat(mk.trend()).isEqualTo(MannKendall.Trend.DECREASING);
    }

    @Test
    void a_seasonal_monthly_series_with_drift_is_increasing() {
        MannKendall mk = calculator.compute(Fixtures.monthly());

        assertThat(mk.s()).isEqualTo(119L);
        assertThat(mk.varianceS()).isEqualTo(1613.0);
        assertThat(mk.z()).isCloseTo(2.9380881638025267, close(2.94));
        assertThat(mk.pValue()).isCloseTo(0.00330243096129652, close(0.0033));
        assertThat(mk.tau()).isCloseTo(0.4311594202898551, close(0.43));
    }

    @Test
    void weekly_and_daily_series_are_tested_in_time_order() {
        MannKendall weekly = calculator.compute(Fixtures.weeklyAcross53WeekYear());
        MannKendall daily = calculator.compute(Fixtures.dailyAroundLeapDay());

        assertThat(weekly.s()).isEqualTo(23L);
        assertThat(weekly.varianceS()).isCloseTo(64.33333333333333, close(64.3));
        assertThat(weekly.pValue()).isCloseTo(0.006090546056578815, close(0.006));
        assertThat(daily.s()).isEqualTo(12L);
        assertThat(daily.varianceS()).isCloseTo(27.333333333333332, close(27.3));
        assertThat(daily.z()).isCloseTo(2.104003153109016, close(2.1));
        assertThat(daily.pValue()).isCloseTo(0.03537817196285359, close(0.035));
    }

    @Test
    void heavy_ties_leave_no_significant_trend() {
        MannKendall mk = calculator.compute(Fixtures.heavyTies());

        // tie groups 3, 3, 2: Var = (8*7*21 - 2*(3*2*11) - 2*1*9) / 18 = (1176 - 132 - 18) / 18 = 57
        assertThat(mk.s()).isEqualTo(11L);
        assertThat(mk.varianceS()).isEqualTo(57.0);
        assertThat(mk.z()).isCloseTo(1.3245323570650438, close(1.32)); // 10 / sqrt(57)
        assertThat(mk.pValue()).isCloseTo(0.18532630419857962, close(0.185));
        assertThat(mk.tau()).isCloseTo(0.39285714285714285, close(0.39)); // tau-a: 11 / 28
        assertThat(mk.trend()).isEqualTo(MannKendall.Trend.NO_TREND);
    }

    @Test
    void a_very_small_p_value_keeps_its_precision() {
        MannKendall mk = calculator.compute(Fixtures.steep30());

        // 2*(1 - Phi(z)) evaluated literally gives 9.769962616701378e-15 through cancellation;
        // mpmath (50 digits): erfc(z / sqrt(2)) == 9.709234566708433e-15
        assertThat(mk.s()).isEqualTo(435L);
        assertThat(mk.z()).isCloseTo(7.743007455519685, close(7.74));
        assertThat(mk.pValue()).isCloseTo(9.709234566708433e-15, close(9.71e-15));
        assertThat(mk.tau()).isEqualTo(1.0);
    }

    @Test
    void all_tied_values_give_zero_variance_no_score_and_p_one() {
        MannKendall mk = calculator.compute(annual(2019, 5, 5, 5, 5, 5));

        assertThat(mk.s()).isZero();
        assertThat(mk.varianceS()).isZero();
        assertThat(mk.z()).isZero();
        assertThat(mk.pValue()).isEqualTo(1.0);
        assertThat(mk.tau()).isZero();
        assertThat(mk.trend()).isEqualTo(MannKendall.Trend.NO_TREND);
    }

    @Test
    void zero_and_negative_zero_count_as_a_tie() {
        assertThat(calculator.compute(annual(2021, 0.0, -0.0, 1.0)).s()).isEqualTo(2L);
    }

    @Test
    void three_points_are_enough_but_never_significant() {
        MannKendall mk = calculator.compute(annual(2021, 4, 5, 7));

        // S = 3, Var = 3*2*11/18; z = 2/sqrt(11/3)
        assertThat(mk.s()).isEqualTo(3L);
        assertThat(mk.varianceS()).isCloseTo(3.6666666666666665, close(3.67));
        assertThat(mk.z()).isCloseTo(1.044465935734187, close(1.04));
        assertThat(mk.pValue()).isCloseTo(0.29626987148428635, close(0.3));
        assertThat(mk.trend()).isEqualTo(MannKendall.Trend.NO_TREND);
    }

    @Test
    void four_points_with_a_tie() {
        MannKendall mk = calculator.compute(annual(2020, 10, 9, 9, 6));

        assertThat(mk.s()).isEqualTo(-5L);
        assertThat(mk.varianceS()).isCloseTo(7.666666666666667, close(7.67)); // (4*3*13 - 18) / 18
        assertThat(mk.z()).isCloseTo(-1.4446302370292303, close(1.44));
        assertThat(mk.pValue()).isCloseTo(0.14856177489186867, close(0.149));
        assertThat(mk.tau()).isCloseTo(-0.8333333333333334, close(0.83));
    }

    @Test
    void five_strictly_falling_points_are_significantly_decreasing() {
        MannKendall mk = calculator.compute(Fixtures.fiveFalling());

        assertThat(mk.s()).isEqualTo(-10L);
        assertThat(mk.z()).isCloseTo(-2.2045407685048604, close(2.2)); // -9 / sqrt(50/3)
        assertThat(mk.pValue()).isCloseTo(0.027486336111510343, close(0.027));
        assertThat(mk.trend()).isEqualTo(MannKendall.Trend.DECREASING);
    }

    @Test
    void a_stricter_alpha_can_turn_a_trend_into_no_trend() {
        assertThat(new MannKendallCalculator(0.05).compute(Fixtures.dailyAroundLeapDay()).trend())
                .isEqualTo(MannKendall.Trend.INCREASING);
        assertThat(new MannKendallCalculator(0.01).compute(Fixtures.dailyAroundLeapDay()).trend())
                .isEqualTo(MannKendall.Trend.NO_TREND);
    }

    @Test
    void fewer_than_three_points_is_insufficient_data() {
        for (TimeSeries s : List.of(TimeSeries.of(List.of()), annual(2023, 1), annual(2022, 1, 2))) {
            MannKendall mk = calculator.compute(s);
            assertThat(mk.n()).isEqualTo(s.size());
            assertThat(mk.s()).isNull();
            assertThat(mk.pValue()).isNull();
            assertThat(mk.trend()).isNull();
            assertThat(mk.reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
        }
    }
}
