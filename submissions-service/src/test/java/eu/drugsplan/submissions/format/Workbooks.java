package eu.drugsplan.submissions.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes test workbooks with POI's user model (shared strings) or its streaming writer (inline strings), as
 * spreadsheet programs and libraries write them. A cell is a String, a Number, a Boolean, null (no cell), an
 * {@link Error} or a {@link Formula}.
 */
final class Workbooks {

    record Sheet1(String name, List<List<Object>> rows) {
    }

    /** A formula; calculated: whether its result is stored with it, as a spreadsheet program saves it. */
    record Formula(String expression, boolean calculated) {
    }

    record Error(FormulaError error) {
    }

    private Workbooks() {
    }

    static Path write(Path file, Sheet1... sheets) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            List<Cell> calculated = fill(workbook, sheets);
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            calculated.forEach(evaluator::evaluateFormulaCell);
            return save(workbook, file);
        }
    }

    /** With inline strings, as streaming writers store text. */
    static Path writeStreaming(Path file, Sheet1... sheets) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            fill(workbook, sheets);
            return save(workbook, file);
        }
    }

    /** Fills the sheets; answers the formula cells whose result is to be stored. */
    private static List<Cell> fill(Workbook workbook, Sheet1... sheets) {
        List<Cell> calculated = new ArrayList<>();
        for (Sheet1 definition : sheets) {
            Sheet sheet = workbook.createSheet(definition.name());
            for (int r = 0; r < definition.rows().size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = definition.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value != null) {
                        set(row.createCell(c), value, calculated);
                    }
                }
            }
        }
        return calculated;
    }

    private static void set(Cell cell, Object value, List<Cell> calculated) {
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
        } else if (value instanceof Error error) {
            cell.setCellErrorValue(error.error().getCode());
        } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.expression());
            if (formula.calculated()) {
                calculated.add(cell);
            }
        } else {
            throw new IllegalArgumentException("no cell for " + value);
        }
    }

    private static Path save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
