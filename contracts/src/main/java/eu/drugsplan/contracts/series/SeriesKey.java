package eu.drugsplan.contracts.series;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Identifies one time series: a measure, a reference area and one code per dimension.
 * The string form ({@code MEASURE:AREA:DIM=CODE,DIM=CODE}) is the Kafka record key, so every
 * event of a series lands on the same partition and is consumed in order.
 */
public record SeriesKey(String measure, String area, SortedMap<String, String> dimensions) {

    private static final char PART = ':';

    public SeriesKey {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(area, "area");
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions == null ? Map.of() : dimensions));
    }

    public static SeriesKey of(String measure, String area, Map<String, String> dimensions) {
        return new SeriesKey(measure, area, dimensions == null ? new TreeMap<>() : new TreeMap<>(dimensions));
    }

    public static SeriesKey parse(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a series key: " + text);
        }
        SortedMap<String, String> dimensions = new TreeMap<>();
        if (parts.length == 3 && !parts[2].isEmpty()) {
            for (String pair : parts[2].split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("not a series key: " + text);
                }
                dimensions.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new SeriesKey(parts[0], parts[1], dimensions);
    }

    @Override
    public String toString() {
        StringBuilder key = new StringBuilder(measure).append(PART).append(area);
        if (!dimensions.isEmpty()) {
            key.append(PART);
            dimensions.forEach((dimension, code) -> key.append(dimension).append('=').append(code).append(','));
            key.setLength(key.length() - 1);
        }
        return key.toString();
    }
}
