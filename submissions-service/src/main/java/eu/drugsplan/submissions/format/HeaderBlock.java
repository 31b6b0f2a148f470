package eu.drugsplan.submissions.format;

import eu.drugsplan.contracts.tables.PublishedTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rows above a wide table's header say. The documented header block is a row per item, its name in
 * column A (an optional ':' after it), its value in column B: {@code Measure}, {@code Unit}, and a dimension by
 * its code list id in upper case ({@code SEX}, {@code SUBSTANCE}). Any other row above the header is a title
 * row, left out; a breadcrumb title ("Prevalence of drug use > Cannabis > Last year prevalence") is kept in
 * parts, from which dimensions the block does not give are read.
 */
record HeaderBlock(SheetParameters parameters, Map<String, String> cells, List<String> titleParts) {

    static final String MEASURE = PublishedTables.MEASURE_ROW;
    static final String UNIT = PublishedTables.UNIT_ROW;

    static HeaderBlock of(List<SheetRow> above, XlsxVocabulary vocabulary) {
        String measure = null;
        String unit = null;
        Map<String, String> dimensions = new LinkedHashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> title = new ArrayList<>();
        for (SheetRow row : above) {
            String name = row.text(0).endsWith(":") ? row.text(0).substring(0, row.text(0).length() - 1).trim() : row.text(0);
            String value = row.text(1);
            if (name.equalsIgnoreCase(MEASURE) && !value.isEmpty()) {
                measure = value;
                cells.put("measure", row.reference(1));
            } else if (name.equalsIgnoreCase(UNIT) && !value.isEmpty()) {
                unit = value;
                cells.put("unit", row.reference(1));
            } else if (vocabulary.isDimension(name) && !value.isEmpty()) {
                dimensions.put(name, value);
                cells.put("dimensions/" + name, row.reference(1));
            } else if (PublishedTables.isTitle(row.text(0))) {
                title.addAll(PublishedTables.titleParts(row.text(0)));
            }
        }
        return new HeaderBlock(new SheetParameters(Optional.ofNullable(measure), Optional.ofNullable(unit),
                Map.copyOf(dimensions)), Map.copyOf(cells), List.copyOf(title));
    }
}
