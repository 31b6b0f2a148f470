package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.contracts.catalogue.Plausibility.ConsistencyRule;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The plausibility checks of one chunk of accepted rows against the stored history of their series. Warnings
 * come in row order; a row's jump is a missing break flag or a year-on-year change, not both.
 */
public final class PlausibilityChecks {

    private static final SeriesRule REVISION = new RevisionRule();
    private static final SeriesRule BREAK = new BreakRule();
    private static final SeriesRule YEAR_ON_YEAR = new YearOnYearRule();
    private static final SeriesRule OUTLIER = new OutlierRule();

    private final Function<String, Optional<Plausibility>> plausibility;

    /** @param plausibility the catalogue's checks of a measure code, empty for a measure not checked */
    public PlausibilityChecks(Function<String, Optional<Plausibility>> plausibility) {
        this.plausibility = plausibility;
    }

    /** The series whose stored values the checks of these rows need: their own and their totals' and parts'. */
    public Set<String> seriesToRead(List<SubmittedValue> values) {
        Set<String> keys = new LinkedHashSet<>();
        for (SubmittedValue value : values) {
            Optional<Plausibility> checks = plausibility.apply(value.series().measure());
            if (checks.isEmpty()) {
                continue;
            }
            keys.add(value.series().toString());
            for (ConsistencyRule rule : checks.get().consistency()) {
                TotalSumRule.group(value.series(), rule).forEach(k -> keys.add(k.toString()));
            }
        }
        return keys;
    }

    /** @param stored the stored values per series key (a series never stored may be absent) */
    public List<Warning> check(List<SubmittedValue> values, Map<String, List<StoredValue>> stored) {
        Map<SeriesKey, List<SubmittedValue>> bySeries = new LinkedHashMap<>();
        values.forEach(v -> bySeries.computeIfAbsent(v.series(), k -> new ArrayList<>()).add(v));
        Map<SeriesKey, SeriesValues> series = new HashMap<>();
        Function<SeriesKey, SeriesValues> seriesOf = key -> series.computeIfAbsent(key, k -> SeriesValues.of(
                stored.getOrDefault(k.toString(), List.of()), bySeries.getOrDefault(k, List.of())));
        Map<String, Integer> order = new HashMap<>();
        List<Warning> warnings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SubmittedValue value : values) {
            order.putIfAbsent(value.row(), order.size());
            Optional<Plausibility> checks = plausibility.apply(value.series().measure());
            if (checks.isPresent() && !value.delete() && value.value() != null
                    && seen.add(value.series() + "|" + value.period().text())) {
                warnings.addAll(ofSeries(value, seriesOf.apply(value.series()), checks.get()));
            }
        }
        Map<String, List<SubmittedValue>> byMeasure = new LinkedHashMap<>();
        values.forEach(v -> byMeasure.computeIfAbsent(v.series().measure(), k -> new ArrayList<>()).add(v));
        byMeasure.forEach((measure, rows) -> plausibility.apply(measure).ifPresent(checks -> checks.consistency()
                .forEach(rule -> warnings.addAll(TotalSumRule.check(rule, rows, seriesOf)))));
        warnings.sort(Comparator.comparingInt(w -> order.getOrDefault(w.row(), Integer.MAX_VALUE)));
        return warnings;
    }

    private static List<Warning> ofSeries(SubmittedValue value, SeriesValues series, Plausibility checks) {
        List<Warning> warnings = new ArrayList<>();
        REVISION.check(value, series, checks).ifPresent(warnings::add);
        Optional<Warning> jump = BREAK.check(value, series, checks)
                .or(() -> YEAR_ON_YEAR.check(value, series, checks));
        jump.ifPresent(warnings::add);
        OUTLIER.check(value, series, checks).ifPresent(warnings::add);
        return warnings;
    }
}
