package eu.drugsplan.reporting.service;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Which series a trend belongs to, and whether it is computed here or reported. */
public record SeriesIdentity(String seriesKey, String measure, String area, Map<String, String> dimensions,
                             boolean computed) {

    public SeriesIdentity {
        // sorted, so that the JSON lists dimensions in one order whatever the event's order
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions == null ? Map.of() : dimensions));
    }
}
