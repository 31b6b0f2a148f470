package eu.drugsplan.submissions.format;

import eu.drugsplan.contracts.tables.PublishedTables;
import eu.drugsplan.submissions.service.ObservationRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wide layout of published tables: an area column, then one column per period (the periods in the header),
 * or a period column and one column per code of one dimension (the bulletin's prevalence tables: Year, then
 * Males, Females, Total). Measure and the other dimensions are the same for every row. A blank or ':' cell is
 * not reported: no observation. A '*' after the area name attaches the matching footnotes as the comment.
 *
 * @param columns the value columns: column index to its period, or to its code of {@code columnDimension}
 * @param columnDimension the dimension the value columns are codes of; null when they are periods
 * @param periodColumn the column of each row's period when the value columns are codes, else -1
 */
record WideTable(String sheet, int headerRow, String measure, Map<String, String> fixed, Map<Integer, String> columns,
                 String columnDimension, int periodColumn, XlsxVocabulary vocabulary, List<String> notes)
        implements SheetTable {

    @Override
    public boolean readsFootnotes() {
        return true;
    }

    @Override
    public List<ObservationRow> rows(SheetRow row, List<String> footnotes) {
        String name = row.text(0);
        if (name.isEmpty() || PublishedTables.isFootnote(name) || !reported(row)) {
            return List.of();
        }
        String area = vocabulary.area(name).orElse(PublishedTables.areaName(name));
        String comment = PublishedTables.hasNote(name) ? PublishedTables.notesOf(sheet, footnotes, name) : null;
        List<ObservationRow> observations = new ArrayList<>();
        columns.forEach((column, key) -> {
            String value = row.text(column);
            if (PublishedTables.notReported(value)) {
                return;
            }
            Map<String, String> dimensions = new HashMap<>(fixed);
            Map<String, String> cells = new HashMap<>();
            cells.put("area", row.reference(0));
            cells.put("value", row.reference(column));
            String period;
            if (columnDimension == null) {
                period = key;
                cells.put("period", SheetRow.reference(sheet, headerRow, column));
            } else {
                period = row.text(periodColumn);
                dimensions.put(columnDimension, key);
                cells.put("period", row.reference(periodColumn));
                cells.put("dimensions/" + columnDimension, SheetRow.reference(sheet, headerRow, column));
            }
            observations.add(new ObservationRow(row.reference(column), measure, area, period.isEmpty() ? null : period,
                    dimensions, value, null, comment, null, null, Map.copyOf(cells)));
        });
        return observations;
    }

    /**
     * A row with nothing reported in any value column is left out: a country nobody reported for, or text under
     * the table that is no numbered footnote ("Source: ...").
     */
    private boolean reported(SheetRow row) {
        return columns.keySet().stream().anyMatch(column -> !PublishedTables.notReported(row.text(column)));
    }
}
