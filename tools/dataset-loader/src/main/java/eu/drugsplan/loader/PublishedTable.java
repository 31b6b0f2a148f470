package eu.drugsplan.loader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import eu.drugsplan.contracts.tables.PublishedTables;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table of the Statistical Bulletin as it publishes it (spreadsheet export or web page): a breadcrumb title
 * ("Drug law offences > Offences By Drug > Cannabis > Supply"), a header row starting with "Country", one row
 * per country (a "*" after the name points to a note), numbered footnotes below ("(3) Austria: ...").
 *
 * @param id the table id (the sheet name, e.g. DLO-03-3)
 * @param rows the data rows, each with its row number in the source (1-based, as a spreadsheet shows it)
 */
record PublishedTable(String id, List<String> title, List<String> header, List<TableRow> rows, List<String> footnotes) {

    record TableRow(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** The first sheet of a spreadsheet export, read with Apache POI (the files are a few kilobytes). */
    static PublishedTable ofSpreadsheet(Path file) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<TableRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                rows.add(new TableRow(row.getRowNum() + 1, cells));
            }
            return of(sheet.getSheetName(), rows);
        } catch (InvalidFormatException e) {
            throw new IOException(file + " is not a spreadsheet: " + e.getMessage(), e);
        }
    }

    /** Splits raw rows into title, header, data and footnotes. */
    static PublishedTable of(String id, List<TableRow> raw) {
        List<String> title = List.of();
        List<String> header = null;
        List<TableRow> data = new ArrayList<>();
        List<String> footnotes = new ArrayList<>();
        for (TableRow row : raw) {
            String first = row.cell(0);
            if (PublishedTables.isFootnote(first)) {
                footnotes.add(first);
            } else if (header == null && PublishedTables.isTitle(first)) {
                title = PublishedTables.titleParts(first);
            } else if (header == null && PublishedTables.isHeader(first)) {
                header = row.cells();
            } else if (header != null && !first.isEmpty()) {
                data.add(row);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(id + ": no header row starting with 'Country'");
        }
        return new PublishedTable(id, title, header, data, footnotes);
    }

    /** The last part of the title: "Supply", "Methadone clients", "All adults (15-64)". */
    String titlePart(int index) {
        if (index >= title.size()) {
            throw new IllegalArgumentException(id + ": title " + title + " has no part " + index);
        }
        return title.get(index).trim();
    }

    /** The notes of a country whose name carries a "*" (see {@link PublishedTables#notesOf}). */
    String notesOf(String countryName) {
        return PublishedTables.notesOf(id, footnotes, countryName);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue().trim();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
