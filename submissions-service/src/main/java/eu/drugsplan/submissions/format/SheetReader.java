package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;

/**
 * The rows of one worksheet part, pulled one at a time with StAX from the stream XSSFReader gives (the part is
 * never held in memory; POI's own SAX handler pushes rows, and the intake reads rows as an iterator). Reads
 * what SpreadsheetML stores in a cell (ECMA-376 part 1, 18.3.1.4): a shared string, an inline string, a number,
 * a boolean, an error, or a formula's cached result. A formula without a cached result cannot be read without
 * calculating the workbook, and the intake refuses to guess it.
 */
final class SheetReader implements AutoCloseable {

    /** Excel's own limits: 32,767 characters a cell, columns A to XFD. */
    static final int MAX_CELL_TEXT = 32_767;
    static final int MAX_COLUMNS = 16_384;

    private final String sheet;
    private final SharedStrings strings;
    private final InputStream in;
    private final XMLStreamReader xml;
    private int lastRow;

    SheetReader(String sheet, InputStream in, SharedStrings strings) throws XMLStreamException {
        this.sheet = sheet;
        this.in = in;
        this.strings = strings;
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
    }

    /** The next row that has at least one cell element, or empty at the end of the sheet data. */
    Optional<SheetRow> next() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                String r = xml.getAttributeValue(null, "r");
                lastRow = r == null ? lastRow + 1 : Integer.parseInt(r);
                return Optional.of(new SheetRow(sheet, lastRow, cells()));
            }
        }
        return Optional.empty();
    }

    private Map<Integer, SheetRow.Cell> cells() throws XMLStreamException {
        Map<Integer, SheetRow.Cell> cells = new LinkedHashMap<>();
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                column = ref == null ? column + 1 : new CellReference(ref).getCol();
                if (column < 0 || column >= MAX_COLUMNS) {
                    throw unreadable("The cell reference '" + ref + "' in row " + lastRow + " of sheet '" + sheet
                            + "' lies outside the columns a sheet has (A to XFD).");
                }
                String type = xml.getAttributeValue(null, "t");
                Optional<SheetRow.Cell> cell = cell(SheetRow.reference(sheet, lastRow, column), type);
                if (cell.isPresent()) {
                    cells.put(column, cell.get());
                }
            }
        }
        return cells;
    }

    /** Reads one c element's content up to its end; empty when the cell holds nothing. */
    private Optional<SheetRow.Cell> cell(String reference, String type) throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        boolean formula = false;
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = text(reference);
                    case "f" -> formula = true;
                    case "is" -> inline = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        String run = text(reference);
                        if (inline != null && phonetic == 0) {
                            inline.append(run);
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic--;
                } else if (xml.getLocalName().equals("c")) {
                    break;
                }
            }
        }
        return cellOf(reference, type, value, inline, formula);
    }

    private Optional<SheetRow.Cell> cellOf(String reference, String type, String value, StringBuilder inline,
                                           boolean formula) {
        if ("inlineStr".equals(type)) {
            return inline == null ? Optional.empty() : Optional.of(new SheetRow.Cell(inline.toString(), SheetRow.Kind.TEXT));
        }
        if (value == null) {
            if (formula) {
                throw unreadable(reference + " holds a formula without a calculated value, which the intake cannot"
                        + " compute. Open the file in a spreadsheet program and save it again (it stores the results),"
                        + " or replace the formulas by their values. Nothing was stored.");
            }
            return Optional.empty();
        }
        return Optional.of(typed(reference, type, value));
    }

    private SheetRow.Cell typed(String reference, String type, String value) {
        return switch (type == null ? "n" : type) {
            case "s" -> new SheetRow.Cell(shared(reference, value), SheetRow.Kind.TEXT);
            case "str", "d" -> new SheetRow.Cell(value, SheetRow.Kind.TEXT);
            case "b" -> new SheetRow.Cell("1".equals(value.trim()) ? "TRUE" : "FALSE", SheetRow.Kind.BOOLEAN);
            case "e" -> new SheetRow.Cell(value, SheetRow.Kind.ERROR);
            default -> number(reference, value);
        };
    }

    private static SheetRow.Cell number(String reference, String value) {
        try {
            return new SheetRow.Cell(new BigDecimal(value.trim()).stripTrailingZeros().toPlainString(), SheetRow.Kind.NUMBER);
        } catch (NumberFormatException e) {
            throw unreadable(reference + " is a number cell whose value '"
                    + value.substring(0, Math.min(value.length(), 40)) + "' is no number.");
        }
    }

    private String shared(String reference, String index) {
        try {
            return strings.getItemAt(Integer.parseInt(index.trim())).getString();
        } catch (RuntimeException e) {
            throw unreadable(reference + " points to shared string " + index.substring(0, Math.min(index.length(), 20))
                    + ", which the workbook does not have.");
        }
    }

    /** An element's text, held to the longest text a cell may have. */
    private String text(String reference) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
                if (text.length() > MAX_CELL_TEXT) {
                    throw unreadable(reference + " holds more than " + MAX_CELL_TEXT
                            + " characters, the most a spreadsheet cell can hold.");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
        }
        return text.toString();
    }

    static ProblemException unreadable(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body", detail));
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader that failed: the stream below is closed next
        }
        try {
            in.close();
        } catch (IOException e) {
            // nothing to release beyond the zip entry's stream
        }
    }
}
