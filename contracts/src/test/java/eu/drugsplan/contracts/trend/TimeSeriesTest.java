package eu.drugsplan.contracts.trend;

import static eu.drugsplan.contracts.trend.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.drugsplan.contracts.series.Period;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    @Test
    void points_are_sorted_by_time_whatever_the_input_order() {
        TimeSeries s = series("2023", 3.0, "2019", 1.0, "2021", 2.0);

        assertThat(s.points()).extracting(TrendPoint::period).containsExactly("2019", "2021", "2023");
        assertThat(s.latest()).isEqualTo(new TrendPoint("2023", 2023.0, 3.0));
    }

    @Test
    void missing_periods_stay_missing() {
        TimeSeries s = series("2019", 1.0, "2023", 5.0);

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.times()).containsExactly(2019.0, 2023.0);
        assertThat(s.find(Period.of("2021"))).isEmpty();
    }

    @Test
    void a_period_only_in_its_canonical_spelling() {
        // one spelling per period (contracts Period), as the intake stores it: a lower-case designator is refused
        assertThat(series("2021-Q3", 1.0).latest().period()).isEqualTo("2021-Q3");
        assertThatIllegalArgumentException().isThrownBy(() -> series("2021-q3", 1.0));
    }

    @Test
    void an_empty_series_has_no_latest_point() {
        TimeSeries s = TimeSeries.of(List.of());

        assertThat(s.isEmpty()).isTrue();
        assertThat(s.latest()).isNull();
    }

    @Test
    void a_period_given_twice_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> series("2021-Q1", 1.0, "2021-Q1", 2.0))
                .withMessageContaining("given twice");
    }

    @Test
    void mixing_frequencies_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> series("2021", 1.0, "2022-Q1", 2.0));
    }

    @Test
    void non_finite_values_are_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> series("2021", Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> series("2021", Double.POSITIVE_INFINITY));
    }
}
