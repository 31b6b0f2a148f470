package eu.drugsplan.submissions.service;

import java.util.Map;

/**
 * One row as the reporter sent it, whatever the format, before validation. Values stay text until the
 * validator has judged them, so that "NaN" or "1e999" can be reported as a conflict rather than a 400.
 * pointer: a JSON pointer, the line number of a CSV record, or a spreadsheet cell reference. refused: the
 * conflict of a record the format could not read as a row at all (a CSV record with the wrong number of fields,
 * an SDMX-CSV row for a structure the suite does not serve), else null. cells: where a spreadsheet row holds
 * each field (field name as conflicts name it, such as "area" or "dimensions/SEX", to a cell reference), so a
 * conflict names the cell it is about; a field without one is named by pointer.
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
        Conflict refused,
        Map<String, String> cells) {

    public ObservationRow(String pointer, String measure, String area, String period, Map<String, String> dimensions,
                          String value, String status, String comment, String action) {
        this(pointer, measure, area, period, dimensions, value, status, comment, action, null, Map.of());
    }

    /** Where the row holds a field: its cell in a spreadsheet, else the row's pointer. */
    public String pointer(String field) {
        return cells == null ? pointer : cells.getOrDefault(field, pointer);
    }

    public static ObservationRow malformed(String pointer, int fields, int expected) {
        return refused(new Conflict(pointer, "row", ConflictCode.ROW_MALFORMED, ConflictCode.ROW_MALFORMED.description()
                + " Given: '" + fields + " fields where the header has " + expected + "'."));
    }

    public static ObservationRow refused(Conflict conflict) {
        return new ObservationRow(conflict.row(), null, null, null, Map.of(), null, null, null, null, conflict, Map.of());
    }
}
