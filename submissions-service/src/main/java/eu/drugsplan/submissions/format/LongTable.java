package eu.drugsplan.submissions.format;

import eu.drugsplan.submissions.service.ObservationRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The long layout: one row per observation under a header of the CSV intake's columns (measure, area, period,
 * value, status, comment, action, one upper-case column per dimension), read by the same {@link CsvLayout}.
 * Conflicts name the cell of the field they are about.
 */
record LongTable(int headerRow, CsvLayout layout) implements SheetTable {

    static LongTable of(SheetRow header) {
        return new LongTable(header.number(), CsvLayout.plain(texts(header)));
    }

    /** Whether a row is the long layout's header: it names the four required columns. */
    static boolean isHeader(SheetRow row) {
        List<String> texts = texts(row);
        return texts.containsAll(List.of("measure", "area", "period", "value"));
    }

    @Override
    public boolean readsFootnotes() {
        return false;
    }

    @Override
    public List<ObservationRow> rows(SheetRow row, List<String> footnotes) {
        if (row.blank()) {
            return List.of();
        }
        Map<String, String> cells = new HashMap<>();
        Map<String, String> dimensions = new HashMap<>(4);
        for (int i = 0; i < layout.dimensionNames().length; i++) {
            String name = layout.dimensionNames()[i];
            String code = field(row, layout.dimensionIndexes()[i], "dimensions/" + name, cells);
            if (code != null) {
                dimensions.put(name, code);
            }
        }
        return List.of(new ObservationRow(row.reference(0), field(row, layout.measure(), "measure", cells),
                field(row, layout.area(), "area", cells), field(row, layout.period(), "period", cells), dimensions,
                field(row, layout.value(), "value", cells), field(row, layout.status(), "status", cells),
                field(row, layout.comment(), "comment", cells), field(row, layout.action(), "action", cells), null,
                Map.copyOf(cells)));
    }

    private static String field(SheetRow row, int column, String field, Map<String, String> cells) {
        if (column < 0) {
            return null;
        }
        cells.put(field, row.reference(column));
        String text = row.text(column);
        return text.isEmpty() ? null : text;
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    /** The header's names up to its last non-blank one (a sheet often stores empty cells after the table). */
    private static List<String> texts(SheetRow row) {
        int last = row.lastColumn();
        while (last >= 0 && row.text(last).isEmpty()) {
            last--;
        }
        return IntStream.rangeClosed(0, last).mapToObj(row::text).toList();
    }
}
