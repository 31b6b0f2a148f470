package eu.drugsplan.submissions.service;

import java.util.Map;

/**
 * One row as the reporter sent it, whatever the format, before validation. Values stay text until the
 * validator has judged them, so that "NaN" or "1e999" can be reported as a conflict rather than a 400.
 * pointer: a JSON pointer, or the line number of a CSV record. malformed: why the record could not be read
 * as a row at all (a CSV record with the wrong number of fields), else null.
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
        String action,
        String malformed) {

    public ObservationRow(String pointer, String measure, String area, String period, Map<String, String> dimensions,
                          String value, String status, String comment, String action) {
        this(pointer, measure, area, period, dimensions, value, status, comment, action, null);
    }

    public static ObservationRow malformed(String pointer, int fields, int expected) {
        return new ObservationRow(pointer, null, null, null, Map.of(), null, null, null, null,
                fields + " fields where the header has " + expected);
    }
}
