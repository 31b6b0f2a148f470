package eu.drugsplan.contracts.tables;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the Statistical Bulletin publishes a table (spreadsheet export or web page), for everything that reads
 * one: a breadcrumb title ("Drug law offences > Offences By Drug > Cannabis > Supply"), a header row whose
 * first cell is "Country", one row per country (a "*" after the name points to a note), numbered footnotes
 * below ("(3) Austria: ..."), blank or ":" where nothing was reported. The dataset loader and the spreadsheet
 * intake of submissions-service read the same files by these rules, so both read them alike.
 */
public final class PublishedTables {

    /** A comment holds at most this many characters (TextLimits.COMMENT of the stores). */
    public static final int COMMENT_LIMIT = 1000;
    /** The properties of a REF_AREA code that hold the names sources give a country by. */
    public static final List<String> AREA_NAME_PROPERTIES = List.of("names", "iso2", "iso3", "altCodes");

    /**
     * The documented header block of a wide sheet (the template download writes it, the intake reads it): a row
     * per item above the table's header, the name in column A, the value in column B: {@value #MEASURE_ROW},
     * {@value #UNIT_ROW} and a dimension by its code list id.
     */
    public static final String MEASURE_ROW = "Measure";
    public static final String UNIT_ROW = "Unit";
    /** The first cell of a published table's header row. */
    public static final String AREA_HEADER = "Country";

    private static final Pattern FOOTNOTE = Pattern.compile("^\\((\\d+)\\)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*>\\s*");

    private PublishedTables() {
    }

    /** "(3) Austria: ..." */
    public static boolean isFootnote(String firstCell) {
        return FOOTNOTE.matcher(firstCell.trim()).matches();
    }

    /** A breadcrumb title row, before the header: its first cell holds a '>'. */
    public static boolean isTitle(String firstCell) {
        return firstCell.contains(">");
    }

    /** The parts of a breadcrumb title, trimmed: "Drug law offences", "Offences By Drug", "Cannabis", "Supply". */
    public static List<String> titleParts(String firstCell) {
        return List.of(TITLE_SEPARATOR.split(firstCell.trim()));
    }

    /** The header row of a published table starts with "Country". */
    public static boolean isHeader(String firstCell) {
        return firstCell.trim().equals(AREA_HEADER);
    }

    /** Blank or ":" (Eurostat's and the bulletin's "not available"): nothing was reported. */
    public static boolean notReported(String cell) {
        String text = cell == null ? "" : cell.trim();
        return text.isEmpty() || text.equals(":");
    }

    /** Whether a country name carries the "*" that points to a note. */
    public static boolean hasNote(String areaName) {
        return areaName.contains("*");
    }

    /** A country name without its note pointer: "Austria *" is "Austria". */
    public static String areaName(String cell) {
        return cell.replace("*", "").trim();
    }

    /** How names are compared: trimmed, blanks collapsed, lower case. */
    public static String normal(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * The comment of a row whose country carries a "*": the table id, then the footnotes that start with the
     * country's name ("(3) Austria: ..."), joined; "see the table's notes" when none matches (a note of the whole
     * table). Cut to what a comment may hold.
     */
    public static String notesOf(String tableId, List<String> footnotes, String countryCell) {
        String name = areaName(countryCell);
        StringBuilder notes = new StringBuilder();
        for (String footnote : footnotes) {
            Optional<String> text = footnoteText(footnote);
            if (text.isPresent() && text.get().startsWith(name + ":")) {
                notes.append(notes.isEmpty() ? "" : " ").append(text.get().substring(name.length() + 1).trim());
            }
        }
        String text = tableId + ": " + (notes.isEmpty() ? "see the table's notes" : notes.toString());
        return text.length() <= COMMENT_LIMIT ? text : text.substring(0, COMMENT_LIMIT - 3) + "...";
    }

    /** The text of a footnote after its number. */
    public static Optional<String> footnoteText(String footnote) {
        Matcher m = FOOTNOTE.matcher(footnote.trim());
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
