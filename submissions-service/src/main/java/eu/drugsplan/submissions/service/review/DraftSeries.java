package eu.drugsplan.submissions.service.review;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.series.ObservedValues;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import eu.drugsplan.contracts.trend.PeriodValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A series as it would stand if a submission's rows were released: the official values with the rows applied as
 * indicators-service's store applies them (BatchPlan) - a delete removes the period, any other row sets its
 * value and status. Plain rules, so that a draft trend shows exactly what the release would make official.
 */
public final class DraftSeries {

    /** One period's value and status; a missing value (status L, M, O, Q) has no value. */
    public record Cell(BigDecimal value, String status) {
    }

    private final Map<String, Cell> official;
    private final Map<String, Cell> draft;
    private final Set<String> changedPeriods;

    private DraftSeries(Map<String, Cell> official, Map<String, Cell> draft, Set<String> changedPeriods) {
        this.official = official;
        this.draft = draft;
        this.changedPeriods = changedPeriods;
    }

    public static DraftSeries of(List<StoredValue> official, List<ObservationChange> changes) {
        Map<String, Cell> before = new LinkedHashMap<>();
        for (StoredValue value : official) {
            before.put(value.period(), new Cell(value.value(), value.status()));
        }
        Map<String, Cell> after = new LinkedHashMap<>(before);
        Set<String> changed = new LinkedHashSet<>();
        for (ObservationChange change : changes) {
            if (change.action() == ObservationAction.DELETE) {
                after.remove(change.period());
            } else {
                after.put(change.period(), new Cell(change.value(), change.status()));
            }
            changed.add(change.period());
        }
        changed.removeIf(period -> same(before.get(period), after.get(period)));
        return new DraftSeries(before, after, changed);
    }

    public List<PeriodValue> officialValues() {
        return values(official);
    }

    public List<PeriodValue> draftValues() {
        return values(draft);
    }

    /** The periods whose value or status the rows change (a row repeating the official value changes nothing). */
    public List<String> changedPeriods() {
        return List.copyOf(changedPeriods);
    }

    private static List<PeriodValue> values(Map<String, Cell> cells) {
        List<PeriodValue> values = new ArrayList<>();
        cells.forEach((period, cell) -> PeriodValue.ofStored(period, cell.value(), cell.status()).ifPresent(values::add));
        return values;
    }

    private static boolean same(Cell a, Cell b) {
        if (a == null || b == null) {
            return a == b;
        }
        return ObservedValues.same(a.value(), b.value()) && Objects.equals(a.status(), b.status());
    }
}
