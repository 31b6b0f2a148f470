package eu.drugsplan.contracts.trend;

import static eu.drugsplan.contracts.trend.Fixtures.close;
import static eu.drugsplan.contracts.trend.Fixtures.observations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrendCalculatorTest {

    private final TrendCalculator calculator = new TrendCalculator();

    @Test
    void one_result_holds_the_points_used_and_every_method() {
        List<PeriodValue> input = observations("2023", 30.0, "2019", 50.0, "2021", 41.0, "2020", 44.0, "2022", 37.0);

        TrendResult result = calculator.calculate(input, MeasureProperties.of(DesiredDirection.DOWN));

        assertThat(result.latest()).isEqualTo(new TrendPoint("2023", 2023.0, 30.0));
        assertThat(result.pointCount()).isEqualTo(5);
        assertThat(result.points()).extracting(TrendPoint::time)
                .containsExactly(2019.0, 2020.0, 2021.0, 2022.0, 2023.0);
        // 37 -> 30; python3: repr((30-37)/37*100) == '-18.91891891891892'
        assertThat(result.yearOnYear().percentChange()).isCloseTo(-18.91891891891892, close(18.9));
        assertThat(result.shortTerm().cagr()).isCloseTo(-0.11988826320660662, close(0.12));
        assertThat(result.shortTerm().assessment()).isEqualTo(GrowthAssessment.Label.SIGNIFICANT_PROGRESS);
        assertThat(result.longTerm().cagr()).isCloseTo(-0.11988826320660662, close(0.12));
        assertThat(result.mannKendall().pValue()).isCloseTo(0.027486336111510343, close(0.027));
        assertThat(result.senSlope().slope()).isCloseTo(-4.583333333333334, close(4.58));
        assertThat(result.overall().assessment()).isEqualTo(OverallAssessment.Label.IMPROVING);
    }

    /**
     * Issue 16, breaks in series: Eurostat's drug law offences of Austria, whose recording changed in 2013 (1,990 to
     * 27,231). Flagged as a break, the long-term growth and Mann-Kendall are those of 2013-2022 alone
     * (src/test/python/trend_reference.py: austria_offences_from_2013, cagr_austria_long_from_2013); unflagged,
     * those of the whole series, a significant increase that is only the change of recording.
     */
    @Test
    void a_value_flagged_as_a_break_starts_the_segment_of_the_long_term_figures() {
        double[] austria = {1980, 2099, 2167, 2320, 1990, 27231, 29164, 33080, 36235, 42699, 41177, 43767, 40785,
                35461, 35232};
        List<PeriodValue> flagged = new java.util.ArrayList<>();
        List<PeriodValue> unflagged = new java.util.ArrayList<>();
        for (int i = 0; i < austria.length; i++) {
            flagged.add(new PeriodValue(String.valueOf(2008 + i), austria[i], 2008 + i == 2013));
            unflagged.add(new PeriodValue(String.valueOf(2008 + i), austria[i]));
        }

        TrendResult segmented = calculator.calculate(flagged, MeasureProperties.of(DesiredDirection.DOWN));
        TrendResult whole = calculator.calculate(unflagged, MeasureProperties.of(DesiredDirection.DOWN));

        assertThat(segmented.segment()).isEqualTo(new Segment(List.of("2013"), "2013", 10));
        assertThat(segmented.mannKendall().n()).isEqualTo(10);
        assertThat(segmented.mannKendall().s()).isEqualTo(15L);
        assertThat(segmented.mannKendall().pValue()).isCloseTo(0.2104977000553374, close(0.21));
        assertThat(segmented.mannKendall().trend()).isEqualTo(MannKendall.Trend.NO_TREND);
        assertThat(segmented.longTerm().cagr()).isCloseTo(0.029035629016990194, close(0.029));
        assertThat(segmented.overall().assessment()).isEqualTo(OverallAssessment.Label.NO_SIGNIFICANT_CHANGE);
        // every point is still shown, and the methods the segment does not concern keep them all
        assertThat(segmented.pointCount()).isEqualTo(15);
        assertThat(segmented.senSlope().slope()).isCloseTo(3001.3333333333335, close(3001.3));

        assertThat(whole.segment()).isEqualTo(new Segment(List.of(), "2008", 15));
        assertThat(whole.mannKendall().pValue()).isCloseTo(0.0007650835606777369, close(0.00077));
        assertThat(whole.longTerm().cagr()).isCloseTo(0.22830197598122837, close(0.23));
        assertThat(whole.overall().assessment()).isEqualTo(OverallAssessment.Label.DETERIORATING);
    }

    @Test
    void an_empty_series_gives_a_reason_for_every_method() {
        TrendResult result = calculator.calculate(List.of(), MeasureProperties.of(DesiredDirection.UP));

        assertThat(result.latest()).isNull();
        assertThat(result.pointCount()).isZero();
        assertThat(result.points()).isEmpty();
        assertThat(result.yearOnYear().reason()).isEqualTo(Reasons.NO_DATA);
        assertThat(result.shortTerm().reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
        assertThat(result.longTerm().reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
        assertThat(result.mannKendall().reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
        assertThat(result.senSlope().reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
        assertThat(result.overall().assessment()).isEqualTo(OverallAssessment.Label.INSUFFICIENT_DATA);
    }

    @Test
    void a_single_point_is_reported_with_nothing_computable() {
        TrendResult result = calculator.calculate(observations("2023-Q1", 7.0),
                MeasureProperties.of(DesiredDirection.UP));

        assertThat(result.latest().time()).isEqualTo(2023.0);
        assertThat(result.yearOnYear().label()).isEqualTo(YearOnYear.Label.NO_PREVIOUS_DATA);
        assertThat(result.senSlope().reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
    }

    @Test
    void the_measures_own_band_overrides_the_configured_one() {
        List<PeriodValue> input = observations("2022", 100.0, "2023", 115.0);

        assertThat(calculator.calculate(input, MeasureProperties.of(DesiredDirection.UP)).yearOnYear().label())
                .isEqualTo(YearOnYear.Label.INCREASE);
        assertThat(calculator.calculate(input, new MeasureProperties(DesiredDirection.UP, 20.0)).yearOnYear().label())
                .isEqualTo(YearOnYear.Label.STABLE);
    }

    @Test
    void the_configuration_sets_band_threshold_and_alpha() {
        TrendCalculator strict = new TrendCalculator(new TrendConfig(20.0, 15.0, 0.01, 0.95));
        List<PeriodValue> input = observations("2019", 50.0, "2020", 44.0, "2021", 41.0, "2022", 37.0, "2023", 35.0);

        TrendResult result = strict.calculate(input, MeasureProperties.of(DesiredDirection.DOWN));

        // -5.4 %: inside a 20 % band; CAGR (35/50)^(1/4) - 1 = -8.5 %: under 15 %; p = 0.027 > 0.01
        assertThat(result.yearOnYear().label()).isEqualTo(YearOnYear.Label.STABLE);
        assertThat(result.shortTerm().assessment()).isEqualTo(GrowthAssessment.Label.MODERATE_PROGRESS);
        assertThat(result.mannKendall().trend()).isEqualTo(MannKendall.Trend.NO_TREND);
        assertThat(result.overall().assessment()).isEqualTo(OverallAssessment.Label.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void desired_direction_none_computes_everything_but_judges_nothing() {
        TrendResult result = calculator.calculate(observations("2019", 50.0, "2020", 44.0, "2021", 41.0,
                "2022", 37.0, "2023", 30.0), MeasureProperties.of(DesiredDirection.NONE));

        assertThat(result.shortTerm().cagr()).isNotNull();
        assertThat(result.shortTerm().assessment()).isEqualTo(GrowthAssessment.Label.NOT_APPLICABLE);
        assertThat(result.mannKendall().trend()).isEqualTo(MannKendall.Trend.DECREASING);
        assertThat(result.overall().assessment()).isEqualTo(OverallAssessment.Label.NOT_APPLICABLE);
    }

    @Test
    void an_invalid_series_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> calculator.calculate(
                observations("2022", 1.0, "2022-Q1", 2.0), MeasureProperties.of(DesiredDirection.UP)));
    }
}
