package eu.drugsplan.reporting.service;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which series of a measure a dashboard asks for: some areas (none: all) and, per dimension code list,
 * some codes (a dimension not named: all codes).
 */
public record TrendFilter(String measure, Set<String> areas, SortedMap<String, Set<String>> dimensions) {

    public TrendFilter {
        areas = Set.copyOf(areas);
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static TrendFilter of(String measure, Set<String> areas, Map<String, Set<String>> dimensions) {
        return new TrendFilter(measure, areas, new TreeMap<>(dimensions));
    }
}
