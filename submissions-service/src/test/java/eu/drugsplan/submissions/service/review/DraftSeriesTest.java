package eu.drugsplan.submissions.service.review;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import eu.drugsplan.contracts.trend.PeriodValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A draft series is the official one with the rows applied as the store applies them. */
class DraftSeriesTest {

    private static final List<StoredValue> OFFICIAL = List.of(stored("2016", "31", "A"), stored("2017", "35", "A"),
            stored("2018", "36", "A"));

    private static StoredValue stored(String period, String value, String status) {
        return new StoredValue(period, value == null ? null : new BigDecimal(value), status);
    }

    private static ObservationChange row(ObservationAction action, String period, String value, String status) {
        return new ObservationChange(action, period, value == null ? null : new BigDecimal(value), status, null);
    }

    private static PeriodValue point(String period, double value) {
        return new PeriodValue(period, value);
    }

    static Stream<Arguments> cases() {
        ObservationAction merge = ObservationAction.MERGE;
        return Stream.of(
                Arguments.of("a new year is added", List.of(row(merge, "2019", "40", "A")), List.of("2019"),
                        List.of(point("2016", 31), point("2017", 35), point("2018", 36), point("2019", 40))),
                Arguments.of("the official value sent again changes nothing (1 = 1.0)",
                        List.of(row(merge, "2018", "36.0", "A")), List.of(),
                        List.of(point("2016", 31), point("2017", 35), point("2018", 36))),
                Arguments.of("a revision replaces the value", List.of(row(ObservationAction.REPLACE, "2017", "50", "A")),
                        List.of("2017"), List.of(point("2016", 31), point("2017", 50), point("2018", 36))),
                Arguments.of("a delete removes the period", List.of(row(ObservationAction.DELETE, "2016", null, null)),
                        List.of("2016"), List.of(point("2017", 35), point("2018", 36))),
                Arguments.of("a delete of what is not official changes nothing",
                        List.of(row(ObservationAction.DELETE, "2010", null, null)), List.of(),
                        List.of(point("2016", 31), point("2017", 35), point("2018", 36))),
                Arguments.of("a missing value is no point of the trend", List.of(row(merge, "2017", null, "M")),
                        List.of("2017"), List.of(point("2016", 31), point("2018", 36))),
                Arguments.of("a break flag alone is a change, and a break", List.of(row(merge, "2017", "35", "B")),
                        List.of("2017"), List.of(point("2016", 31), new PeriodValue("2017", 35, true), point("2018", 36))),
                Arguments.of("the last row of a period wins",
                        List.of(row(merge, "2019", "40", "A"), row(merge, "2019", "41", "A")), List.of("2019"),
                        List.of(point("2016", 31), point("2017", 35), point("2018", 36), point("2019", 41))),
                Arguments.of("a row undone by a later one changes nothing",
                        List.of(row(merge, "2018", "99", "A"), row(merge, "2018", "36", "A")), List.of(),
                        List.of(point("2016", 31), point("2017", 35), point("2018", 36))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applies_rows_as_the_store_does(String name, List<ObservationChange> rows, List<String> changed,
                                         List<PeriodValue> draft) {
        DraftSeries series = DraftSeries.of(OFFICIAL, rows);
        assertThat(series.changedPeriods()).isEqualTo(changed);
        assertThat(series.draftValues()).containsExactlyInAnyOrderElementsOf(draft);
        assertThat(series.officialValues()).containsExactly(point("2016", 31), point("2017", 35), point("2018", 36));
    }
}
