package eu.drugsplan.reporting.trend;

import static eu.drugsplan.reporting.trend.Fixtures.close;
import static eu.drugsplan.reporting.trend.Fixtures.observations;
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
