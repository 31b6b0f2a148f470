package eu.drugsplan.submissions.format;

import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.contracts.tables.PublishedTables;
import eu.drugsplan.submissions.service.Catalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the table of a sheet from its header row and the rows above it (see the submissions-service README,
 * "Spreadsheets"): the long layout when the header names measure, area, period and value; the wide layout when
 * its first cell is Country, Area or REF_AREA. Everything that makes a wide sheet unusable as a whole (no measure,
 * a dimension nobody gives, no period) is refused here, before any row is read.
 */
final class SheetLayouts {

    private static final Set<String> AREA_HEADERS = Set.of("country", "area", "ref_area");
    private static final Set<String> PERIOD_HEADERS = Set.of("year", "period", "time_period");
    static final int MAX_NOTES = 20;

    private SheetLayouts() {
    }

    /** Whether a row is the header of a table, in either layout. */
    static boolean isHeader(SheetRow row) {
        return LongTable.isHeader(row) || AREA_HEADERS.contains(PublishedTables.normal(row.text(0)));
    }

    static SheetTable recognise(List<SheetRow> above, SheetRow header, XlsxVocabulary vocabulary,
                                SheetParameters request) {
        if (LongTable.isHeader(header)) {
            if (!request.isEmpty()) {
                throw refused(header.sheet(), "is in the long layout (a measure, area, period and value column), in"
                        + " which every row names its own measure and dimensions; measure, unit and dimension query"
                        + " parameters are for the wide layout only. Send it without them.");
            }
            return LongTable.of(header);
        }
        HeaderBlock block = HeaderBlock.of(above, vocabulary);
        String sheet = header.sheet();
        String code = agreed(sheet, "measure", block.parameters().measure(), request.measure())
                .orElseThrow(() -> refused(sheet, "is a wide table without its measure: give it in a header block"
                        + " row ('" + HeaderBlock.MEASURE + "' in column A, the measure code in column B) or as the"
                        + " query parameter measure."));
        Catalogue.Measure measure = vocabulary.measure(code).orElseThrow(() -> refused(sheet,
                "names the measure '" + clip(code) + "', which the catalogue does not have."));
        checkUnit(sheet, measure, agreed(sheet, "unit", block.parameters().unit(), request.unit()));
        Map<String, String> fixed = fixedDimensions(sheet, measure, block, request);
        return columns(header, measure, fixed, block.titleParts(), vocabulary);
    }

    private static Map<String, String> fixedDimensions(String sheet, Catalogue.Measure measure, HeaderBlock block,
                                                       SheetParameters request) {
        Map<String, String> fixed = new LinkedHashMap<>();
        Set<String> names = new java.util.TreeSet<>(block.parameters().dimensions().keySet());
        names.addAll(request.dimensions().keySet());
        for (String name : names) {
            if (!measure.dimensions().contains(name)) {
                throw refused(sheet, "gives the dimension " + name + ", which the measure " + measure.code()
                        + " does not have (its dimensions: " + measure.dimensions() + ").");
            }
            agreed(sheet, name, Optional.ofNullable(block.parameters().dimensions().get(name)),
                    Optional.ofNullable(request.dimensions().get(name))).ifPresent(value -> fixed.put(name, value));
        }
        return fixed;
    }

    private static SheetTable columns(SheetRow header, Catalogue.Measure measure, Map<String, String> given,
                                      List<String> title, XlsxVocabulary vocabulary) {
        String sheet = header.sheet();
        HeaderColumns read = HeaderColumns.of(header);
        Map<String, String> fixed = new LinkedHashMap<>(given);
        List<String> open = new ArrayList<>();
        for (String dimension : measure.dimensions()) {
            if (!fixed.containsKey(dimension)) {
                List<String> named = vocabulary.codesNamed(dimension, title);
                if (named.size() == 1) {
                    fixed.put(dimension, named.get(0));
                } else {
                    open.add(dimension);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (read.periodColumn() < 0) {
            requireNone(sheet, open);
            read.others().forEach((column, text) -> notes.add(ignored(header, column)));
            capped(notes);
            return new WideTable(sheet, header.number(), measure.code(), Map.copyOf(fixed),
                    Collections.unmodifiableMap(read.periods()), null, -1, vocabulary, List.copyOf(notes));
        }
        String columnDimension = columnDimension(sheet, open);
        Map<Integer, String> codes = new LinkedHashMap<>();
        read.others().forEach((column, text) -> vocabulary.code(columnDimension, text).ifPresentOrElse(
                code -> codes.put(column, code), () -> notes.add(ignored(header, column))));
        capped(notes);
        if (codes.isEmpty()) {
            throw refused(sheet, "has a period column but no column named by a code of " + columnDimension
                    + " in its header row " + header.number() + ".");
        }
        return new WideTable(sheet, header.number(), measure.code(), Map.copyOf(fixed),
                Collections.unmodifiableMap(codes), columnDimension, read.periodColumn(), vocabulary,
                List.copyOf(notes));
    }

    /**
     * The header row's columns: one per period (a wide table of periods), or one Year column (a table of one row
     * per period), and the others; never both kinds, never neither.
     */
    private record HeaderColumns(Map<Integer, String> periods, int periodColumn, Map<Integer, String> others) {

        static HeaderColumns of(SheetRow header) {
            Map<Integer, String> periods = new LinkedHashMap<>();
            Map<Integer, String> others = new LinkedHashMap<>();
            int periodColumn = -1;
            for (int column = 1; column <= header.lastColumn(); column++) {
                String text = header.text(column);
                if (text.isEmpty()) {
                    continue;
                }
                if (Period.parse(text).isPresent()) {
                    periods.put(column, text);
                } else if (PERIOD_HEADERS.contains(PublishedTables.normal(text)) && periodColumn < 0) {
                    periodColumn = column;
                } else {
                    others.put(column, text);
                }
            }
            if (!periods.isEmpty() && periodColumn >= 0) {
                throw refused(header.sheet(), "has both period columns and a '" + header.text(periodColumn) + "' column ("
                        + header.reference(periodColumn) + "): a wide table has one or the other.");
            }
            if (periods.isEmpty() && periodColumn < 0) {
                throw refused(header.sheet(), "has no period in its header row " + header.number() + ": write one"
                        + " column per period (2021, 2021-Q1 ...) or a Year column.");
            }
            return new HeaderColumns(periods, periodColumn, others);
        }
    }

    /** At most MAX_NOTES notes on ignored columns a sheet: a wide sheet of junk headers is not a page of notes. */
    private static void capped(List<String> notes) {
        if (notes.size() > MAX_NOTES) {
            int more = notes.size() - MAX_NOTES;
            notes.subList(MAX_NOTES, notes.size()).clear();
            notes.add("... and " + more + " more columns that are neither a period nor a code were ignored.");
        }
    }

    private static String columnDimension(String sheet, List<String> open) {
        if (open.size() != 1) {
            throw refused(sheet, "has a period column, so its value columns are codes of one dimension; the measure"
                    + " leaves " + (open.isEmpty() ? "none" : open) + " open. Give every other dimension in the header"
                    + " block or as a query parameter.");
        }
        return open.get(0);
    }

    private static void requireNone(String sheet, List<String> open) {
        if (!open.isEmpty()) {
            throw refused(sheet, "does not say the dimension" + (open.size() > 1 ? "s " : " ") + String.join(", ", open)
                    + " of its measure: give " + (open.size() > 1 ? "them" : "it") + " in the header block (the code"
                    + " list id in column A, the code in column B) or as query parameters (" + open.get(0) + "=...).");
        }
    }

    private static String ignored(SheetRow header, int column) {
        return "The column " + header.reference(column) + " '" + clip(header.text(column)) + "' is neither a period"
                + " nor a code of the table's dimensions and was ignored.";
    }

    private static void checkUnit(String sheet, Catalogue.Measure measure, Optional<String> unit) {
        if (unit.isEmpty() || measure.unit().isEmpty()) {
            return;
        }
        String given = PublishedTables.normal(unit.get());
        if (!given.equals(PublishedTables.normal(measure.unit()))
                && !given.equals(PublishedTables.normal(measure.unitKind().name()))) {
            throw refused(sheet, "gives the unit '" + clip(unit.get()) + "', but the catalogue measures "
                    + measure.code() + " in '" + measure.unit() + "'. Convert the values, or correct the unit.");
        }
    }

    /** A value the header block and the request both give must be the same. */
    private static Optional<String> agreed(String sheet, String name, Optional<String> block, Optional<String> request) {
        if (block.isPresent() && request.isPresent() && !block.get().equals(request.get())) {
            throw refused(sheet, "gives " + name + " '" + clip(block.get()) + "' in its header block, but the request's"
                    + " query parameter says '" + clip(request.get()) + "'.");
        }
        return block.isPresent() ? block : request;
    }

    /** A text quoted in a detail or note: on one line (notes are stored a line each), at most 80 characters. */
    static String clip(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    static RuntimeException refused(String sheet, String detail) {
        return SheetReader.unreadable("The sheet '" + clip(sheet) + "' " + detail + " Nothing was stored.");
    }
}
