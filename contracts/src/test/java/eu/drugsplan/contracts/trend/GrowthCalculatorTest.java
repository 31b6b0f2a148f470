package eu.drugsplan.contracts.trend;

import static eu.drugsplan.contracts.trend.DesiredDirection.DOWN;
import static eu.drugsplan.contracts.trend.DesiredDirection.NONE;
import static eu.drugsplan.contracts.trend.DesiredDirection.UP;
import static eu.drugsplan.contracts.trend.Fixtures.annual;
import static eu.drugsplan.contracts.trend.Fixtures.close;
import static eu.drugsplan.contracts.trend.Fixtures.series;
import static eu.drugsplan.contracts.trend.GrowthAssessment.Label.MODERATE_MOVEMENT_AWAY;
import static eu.drugsplan.contracts.trend.GrowthAssessment.Label.MODERATE_PROGRESS;
import static eu.drugsplan.contracts.trend.GrowthAssessment.Label.NOT_APPLICABLE;
import static eu.drugsplan.contracts.trend.GrowthAssessment.Label.SIGNIFICANT_MOVEMENT_AWAY;
import static eu.drugsplan.contracts.trend.GrowthAssessment.Label.SIGNIFICANT_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GrowthCalculatorTest {

    private final GrowthCalculator calculator = new GrowthCalculator();

    @Test
    void short_term_growth_runs_from_exactly_five_years_before_the_latest_period() {
        GrowthAssessment g = calculator.shortTerm(Fixtures.annualWithGapsAndTies(), UP);

        // 2018 16.1 -> 2023 19.5; python3: repr((19.5/16.1)**(1/5) - 1) == '0.03906268122677181'
        assertThat(g.years()).isEqualTo(5);
        assertThat(g.start().period()).isEqualTo("2018");
        assertThat(g.end().period()).isEqualTo("2023");
        assertThat(g.pointCount()).isEqualTo(6);
        assertThat(g.cagr()).isCloseTo(0.03906268122677181, close(0.039));
        assertThat(g.assessment()).isEqualTo(SIGNIFICANT_PROGRESS);
        assertThat(g.reason()).isNull();
    }

    @Test
    void long_term_growth_runs_from_exactly_fifteen_years_before_the_latest_period() {
        GrowthAssessment g = calculator.longTerm(Fixtures.annualWithGapsAndTies(), UP);

        // 2008 12.0 -> 2023 19.5; python3: repr((19.5/12.0)**(1/15) - 1) == '0.032896702666538324'
        assertThat(g.years()).isEqualTo(15);
        assertThat(g.start().period()).isEqualTo("2008");
        assertThat(g.pointCount()).isEqualTo(14);
        assertThat(g.cagr()).isCloseTo(0.032896702666538324, close(0.033));
    }

    @Test
    void a_point_just_over_the_window_length_before_is_left_out() {
        TimeSeries s = annual(2007, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);

        assertThat(calculator.shortTerm(s, UP).start().period()).isEqualTo("2018");
        assertThat(calculator.longTerm(s, UP).start().period()).isEqualTo("2008");
        assertThat(calculator.longTerm(s, UP).pointCount()).isEqualTo(16);
    }

    @Test
    void a_window_whose_first_year_is_missing_starts_at_its_first_data() {
        GrowthAssessment g = calculator.shortTerm(series("2017", 10.0, "2019", 10.0, "2021", 12.0, "2023", 14.4), UP);

        // 2019 10.0 -> 2023 14.4 over 4 years; python3: repr((14.4/10.0)**(1/4) - 1) == '0.09544511501033215'
        assertThat(g.start().period()).isEqualTo("2019");
        assertThat(g.pointCount()).isEqualTo(3);
        assertThat(g.cagr()).isCloseTo(0.09544511501033215, close(0.095));
    }

    @Test
    void quarterly_windows_include_the_same_quarter_five_years_before() {
        TimeSeries s = series("2018-Q2", 1.0, "2018-Q3", 2.0, "2020-Q1", 3.0, "2023-Q3", 4.0);

        GrowthAssessment g = calculator.shortTerm(s, UP);

        // 2018-Q3 2.0 -> 2023-Q3 4.0 over exactly 5 years; python3: repr(2**(1/5) - 1) == '0.1486983549970351'
        assertThat(g.start().period()).isEqualTo("2018-Q3");
        assertThat(g.pointCount()).isEqualTo(3);
        assertThat(g.cagr()).isCloseTo(0.1486983549970351, close(0.149));
    }

    @Test
    void quarterly_growth_uses_the_decimal_year_span() {
        GrowthAssessment g = calculator.shortTerm(Fixtures.quarterlyFalling(), DOWN);

        // 2019-Q1 8.4 -> 2022-Q2 6.5 over 3.25 years;
        // python3: repr((6.5/8.4)**(1/3.25) - 1) == '-0.07586895474028932'
        assertThat(g.start().period()).isEqualTo("2019-Q1");
        assertThat(g.cagr()).isCloseTo(-0.07586895474028932, close(0.076));
        assertThat(g.assessment()).isEqualTo(SIGNIFICANT_PROGRESS);
    }

    @Test
    void monthly_windows_include_the_same_month_five_years_before() {
        TimeSeries s = series("2018-10", 1.0, "2018-11", 2.0, "2021-06", 3.0, "2023-11", 4.0);

        assertThat(calculator.shortTerm(s, UP).start().period()).isEqualTo("2018-11");
    }

    @Test
    void monthly_growth_uses_the_decimal_year_span() {
        GrowthAssessment g = calculator.shortTerm(Fixtures.monthly(), UP);

        // 2022-01 30 -> 2023-12 44 over 1 + 11/12 years;
        // python3: repr((44/30)**(1/(2023 + 11/12 - 2022.0)) - 1) == '0.22118542234999494'
        assertThat(g.cagr()).isCloseTo(0.22118542234999494, close(0.22));
    }

    @Test
    void weekly_windows_include_the_same_week_five_years_before() {
        TimeSeries s = series("2016-W09", 1.0, "2016-W10", 2.0, "2019-W30", 3.0, "2021-W10", 4.0);

        assertThat(calculator.shortTerm(s, UP).start().period()).isEqualTo("2016-W10");
    }

    @Test
    void daily_windows_include_the_same_day_five_years_before() {
        TimeSeries s = series("2018-02-28", 1.0, "2018-03-01", 2.0, "2020-07-01", 3.0, "2023-03-01", 4.0);

        assertThat(calculator.shortTerm(s, UP).start().period()).isEqualTo("2018-03-01");
    }

    @Test
    void fewer_than_three_points_in_the_window_is_insufficient_data() {
        GrowthAssessment g = calculator.shortTerm(series("2010", 1.0, "2011", 2.0, "2012", 3.0, "2022", 4.0,
                "2023", 5.0), UP);

        assertThat(g.pointCount()).isEqualTo(2);
        assertThat(g.start().period()).isEqualTo("2022");
        assertThat(g.cagr()).isNull();
        assertThat(g.assessment()).isNull();
        assertThat(g.reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
    }

    @Test
    void series_of_one_and_two_points_are_insufficient_data() {
        assertThat(calculator.shortTerm(annual(2023, 1), UP).reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
        assertThat(calculator.shortTerm(annual(2022, 1, 2), UP).reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
    }

    @Test
    void an_empty_series_is_insufficient_data() {
        GrowthAssessment g = calculator.shortTerm(TimeSeries.of(List.of()), UP);

        assertThat(g.pointCount()).isZero();
        assertThat(g.start()).isNull();
        assertThat(g.end()).isNull();
        assertThat(g.reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
    }

    @Test
    void three_points_are_enough() {
        // python3: repr((7/4)**(1/2) - 1) == '0.32287565553229536'
        assertThat(calculator.shortTerm(annual(2021, 4, 5, 7), UP).cagr()).isCloseTo(0.32287565553229536, close(0.32));
    }

    @Test
    void a_zero_start_value_makes_the_rate_not_computable() {
        GrowthAssessment g = calculator.shortTerm(annual(2021, 0, 5, 7), UP);

        assertThat(g.cagr()).isNull();
        assertThat(g.assessment()).isNull();
        assertThat(g.reason()).isEqualTo(Reasons.NON_POSITIVE_VALUE);
    }

    @Test
    void a_negative_end_value_makes_the_rate_not_computable() {
        assertThat(calculator.shortTerm(annual(2021, 3, 5, -1), UP).reason()).isEqualTo(Reasons.NON_POSITIVE_VALUE);
    }

    @Test
    void a_zero_between_positive_ends_does_not_matter() {
        // python3: repr((8/2)**(1/2) - 1) == '1.0'
        assertThat(calculator.shortTerm(annual(2021, 2, 0, 8), UP).cagr()).isEqualTo(1.0);
    }

    @Test
    void a_falling_measure_that_should_fall_is_progressing() {
        // 2019 50 -> 2023 30; python3: repr((30/50)**(1/4) - 1) == '-0.11988826320660662'
        GrowthAssessment down = calculator.shortTerm(Fixtures.fiveFalling(), DOWN);
        assertThat(down.cagr()).isCloseTo(-0.11988826320660662, close(0.12));
        assertThat(down.assessment()).isEqualTo(SIGNIFICANT_PROGRESS);
        assertThat(calculator.shortTerm(Fixtures.fiveFalling(), UP).assessment()).isEqualTo(SIGNIFICANT_MOVEMENT_AWAY);
    }

    @Test
    void slow_growth_is_moderate_progress_or_moderate_movement_away() {
        TimeSeries s = annual(2021, 100, 100.2, 100.5);

        // python3: repr((100.5/100)**(1/2) - 1) == '0.002496882788171062'
        assertThat(calculator.shortTerm(s, UP).cagr()).isCloseTo(0.002496882788171062, close(0.0025));
        assertThat(calculator.shortTerm(s, UP).assessment()).isEqualTo(MODERATE_PROGRESS);
        assertThat(calculator.shortTerm(s, DOWN).assessment()).isEqualTo(MODERATE_MOVEMENT_AWAY);
    }

    @Test
    void no_growth_counts_as_moderate_progress_in_both_directions() {
        TimeSeries s = annual(2021, 5, 6, 5);

        assertThat(calculator.shortTerm(s, UP).cagr()).isZero();
        assertThat(calculator.shortTerm(s, UP).assessment()).isEqualTo(MODERATE_PROGRESS);
        assertThat(calculator.shortTerm(s, DOWN).assessment()).isEqualTo(MODERATE_PROGRESS);
    }

    @Test
    void a_rate_exactly_at_the_threshold_is_significant_either_way() {
        // 1 -> 2.25 over 2 years is exactly 50 % a year, and 50/100 is exact in binary
        GrowthCalculator halfThreshold = new GrowthCalculator(50.0);
        TimeSeries s = annual(2021, 1, 1.2, 2.25);

        assertThat(halfThreshold.shortTerm(s, UP).cagr()).isEqualTo(0.5);
        assertThat(halfThreshold.shortTerm(s, UP).assessment()).isEqualTo(SIGNIFICANT_PROGRESS);
        assertThat(halfThreshold.shortTerm(s, DOWN).assessment()).isEqualTo(SIGNIFICANT_MOVEMENT_AWAY);
    }

    @Test
    void the_default_threshold_is_one_percent_inclusive() {
        assertThat(calculator.classify(0.01, UP)).isEqualTo(SIGNIFICANT_PROGRESS);
        assertThat(calculator.classify(0.0099, UP)).isEqualTo(MODERATE_PROGRESS);
        assertThat(calculator.classify(-0.0099, UP)).isEqualTo(MODERATE_MOVEMENT_AWAY);
        assertThat(calculator.classify(-0.01, UP)).isEqualTo(SIGNIFICANT_MOVEMENT_AWAY);
        assertThat(calculator.classify(-0.01, DOWN)).isEqualTo(SIGNIFICANT_PROGRESS);
        assertThat(calculator.classify(0.01, DOWN)).isEqualTo(SIGNIFICANT_MOVEMENT_AWAY);
    }

    @Test
    void desired_direction_none_still_computes_the_rate_but_is_not_applicable() {
        GrowthAssessment g = calculator.shortTerm(Fixtures.fiveFalling(), NONE);

        assertThat(g.cagr()).isCloseTo(-0.11988826320660662, close(0.12));
        assertThat(g.assessment()).isEqualTo(NOT_APPLICABLE);
        assertThat(g.reason()).isNull();
    }

    @Test
    void desired_direction_none_is_not_applicable_even_without_enough_data() {
        GrowthAssessment g = calculator.shortTerm(annual(2023, 1), NONE);

        assertThat(g.assessment()).isEqualTo(NOT_APPLICABLE);
        assertThat(g.reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
    }
}
