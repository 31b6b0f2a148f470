package eu.drugsplan.submissions.service;

import java.util.Map;

/**
 * One row as the reporter sent it, whatever the format, before validation. Values stay text until the
 * validator has judged them, so that "NaN" or "1e999" can be reported as a conflict rather than a 400.
 */
public record ObservationRow(
        String pointer,
        String measure,
        String area,
        String period,
        Map<String, String> dimensions,
        String value,
        String status,
        String comment,
        String action) {
}
