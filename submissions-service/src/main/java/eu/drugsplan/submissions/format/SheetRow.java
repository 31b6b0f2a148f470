package eu.drugsplan.submissions.format;

import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * One row of a worksheet as it is stored: its number (1-based, as a spreadsheet shows it) and its non-empty
 * cells by column (0-based). Text is what the cell shows without formatting; a number cell's value is written in
 * plain decimal notation ({@code 2017}, {@code 1.1}), never {@code 2017.0} or {@code 1E3}.
 */
record SheetRow(String sheet, int number, Map<Integer, Cell> cells) {

    enum Kind { TEXT, NUMBER, BOOLEAN, ERROR }

    record Cell(String text, Kind kind) {
    }

    /** The cell's text, trimmed; "" when empty. */
    String text(int column) {
        Cell cell = cells.get(column);
        return cell == null ? "" : cell.text().trim();
    }

    Kind kind(int column) {
        Cell cell = cells.get(column);
        return cell == null ? Kind.TEXT : cell.kind();
    }

    /** The last column with a cell, -1 for an empty row. */
    int lastColumn() {
        return cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    boolean blank() {
        return cells.values().stream().allMatch(cell -> cell.text().isBlank());
    }

    /** A cell of this row as a spreadsheet names it, with its sheet: {@code Sheet1!C7}, {@code 'My data'!C7}. */
    String reference(int column) {
        return reference(sheet, number, column);
    }

    static String reference(String sheet, int row, int column) {
        return new CellReference(sheet, row - 1, column, false, false).formatAsString();
    }
}
