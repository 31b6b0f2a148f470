package eu.drugsplan.reporting.service;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The catalogue's headline selection of a measure: per dimension code list id, the one code whose series
 * answer the policy question by default (STAT=DAILY_MEAN for waste water, SEX=T, ...). A dimension it does
 * not name has every code as a headline series, so a measure with an empty selection has only headline series.
 */
public record HeadlineSelection(SortedMap<String, String> codes) {

    public static final HeadlineSelection NONE = new HeadlineSelection(new TreeMap<>());

    public HeadlineSelection {
        codes = Collections.unmodifiableSortedMap(new TreeMap<>(codes == null ? Map.of() : codes));
    }

    public static HeadlineSelection of(Map<String, String> codes) {
        return codes == null || codes.isEmpty() ? NONE : new HeadlineSelection(new TreeMap<>(codes));
    }

    /** Whether a series with these dimension codes is a headline series (a missing dimension is not one). */
    public boolean matches(Map<String, String> dimensions) {
        return codes.entrySet().stream().allMatch(e -> e.getValue().equals(dimensions.get(e.getKey())));
    }

    /**
     * The dimension filter of a default query: what the caller asked for, and the headline code for every
     * dimension the caller did not name (naming a dimension, e.g. STAT=WEEKEND_MEAN, overrides its headline).
     */
    public Map<String, Set<String>> defaults(Map<String, Set<String>> requested) {
        Map<String, Set<String>> filter = new HashMap<>(requested);
        codes.forEach((dimension, code) -> filter.putIfAbsent(dimension, Set.of(code)));
        return filter;
    }
}
