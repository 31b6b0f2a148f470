package eu.drugsplan.loader;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row to submit, in the JSON shape of POST /api/v1/submissions, with the reporter that owns it and where
 * it came from (for the report). Status is an OBS_STATUS code: A, or B for a break in series.
 */
record Observation(String reporter, String measure, String area, String period, Map<String, String> dimensions,
                   BigDecimal value, String comment, String source, String status) {

    Observation(String reporter, String measure, String area, String period, Map<String, String> dimensions,
                BigDecimal value, String comment, String source) {
        this(reporter, measure, area, period, dimensions, value, comment, source, "A");
    }

    /** The observation key: two observations with one key are one value of the store. */
    String key() {
        return measure + "|" + area + "|" + period + "|" + new TreeMap<>(dimensions);
    }

    Observation withStatus(String newStatus, String newComment) {
        return new Observation(reporter, measure, area, period, dimensions, value, newComment, source, newStatus);
    }
}
