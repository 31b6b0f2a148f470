package eu.drugsplan.contracts.trend;

import static eu.drugsplan.contracts.trend.DesiredDirection.DOWN;
import static eu.drugsplan.contracts.trend.DesiredDirection.NONE;
import static eu.drugsplan.contracts.trend.DesiredDirection.UP;
import static eu.drugsplan.contracts.trend.Fixtures.annual;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverallAssessorTest {

    private final MannKendallCalculator mannKendall = new MannKendallCalculator();
    private final OverallAssessor assessor = new OverallAssessor();

    private OverallAssessment assess(TimeSeries s, DesiredDirection direction) {
        return assessor.assess(mannKendall.compute(s), direction);
    }

    @Test
    void a_significant_fall_is_improving_when_the_measure_should_fall() {
        assertThat(assess(Fixtures.fiveFalling(), DOWN).assessment()).isEqualTo(OverallAssessment.Label.IMPROVING);
    }

    @Test
    void a_significant_fall_is_deteriorating_when_the_measure_should_rise() {
        assertThat(assess(Fixtures.fiveFalling(), UP).assessment()).isEqualTo(OverallAssessment.Label.DETERIORATING);
    }

    @Test
    void a_significant_rise_is_improving_when_the_measure_should_rise() {
        assertThat(assess(Fixtures.steep30(), UP).assessment()).isEqualTo(OverallAssessment.Label.IMPROVING);
        assertThat(assess(Fixtures.steep30(), DOWN).assessment()).isEqualTo(OverallAssessment.Label.DETERIORATING);
    }

    @Test
    void a_non_significant_trend_is_no_significant_change() {
        OverallAssessment overall = assess(Fixtures.heavyTies(), UP);

        assertThat(overall.assessment()).isEqualTo(OverallAssessment.Label.NO_SIGNIFICANT_CHANGE);
        assertThat(overall.reason()).isNull();
    }

    @Test
    void four_points_are_insufficient_data_even_with_a_clear_trend() {
        OverallAssessment overall = assess(annual(2020, 10, 9, 8, 7), DOWN);

        assertThat(overall.assessment()).isEqualTo(OverallAssessment.Label.INSUFFICIENT_DATA);
        assertThat(overall.reason()).isEqualTo(Reasons.INSUFFICIENT_DATA);
    }

    @Test
    void desired_direction_none_is_not_applicable_whatever_the_data() {
        assertThat(assess(Fixtures.fiveFalling(), NONE).assessment()).isEqualTo(OverallAssessment.Label.NOT_APPLICABLE);
        assertThat(assess(annual(2023, 1), NONE).assessment()).isEqualTo(OverallAssessment.Label.NOT_APPLICABLE);
    }
}
