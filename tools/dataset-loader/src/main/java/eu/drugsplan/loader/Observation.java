package eu.drugsplan.loader;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One row to submit, in the JSON shape of POST /api/v1/submissions, with the reporter that owns it and where
 * it came from (for the report).
 */
record Observation(String reporter, String measure, String area, String period, Map<String, String> dimensions,
                   BigDecimal value, String comment, String source) {
}
