package eu.drugsplan.indicators.service;

import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.tables.PublishedTables;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.rest.CatalogueViews.CodeView;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The spreadsheet a focal point fills in for one measure, in the wide layout the intake reads (see the
 * submissions-service README, "Spreadsheets"): title rows, the documented header block (Measure, Unit, one row
 * per dimension with the code given in the request, or blank to fill in), a header row "Country" with the
 * measure's latest periods, newest first, and a row per reporting country by its name. Filled in and posted
 * back unchanged, it is read without query parameters.
 */
public final class MeasureTemplate {

    private static final Set<String> COUNTRY_REPORTERS = Set.of("MEMBER_STATE", "REITOX_PARTNER");
    private static final int HINT_CODES = 12;

    private MeasureTemplate() {
    }

    /** dimensions: the codes the request fixes (checked by the caller); today: the day the periods end before. */
    public static byte[] write(Catalogue catalogue, MeasureView measure, Map<String, String> dimensions, LocalDate today) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(measure.code()));
            int r = 0;
            row(sheet, r++, measure.name() + " (" + measure.unit() + ")");
            row(sheet, r++, "One value per cell, in " + measure.unit() + "; leave a cell blank (or write :) where"
                    + " nothing is reported. Write a note on a value in the status and comment of a CSV or JSON"
                    + " submission instead.");
            r++;
            row(sheet, r++, PublishedTables.MEASURE_ROW, measure.code());
            row(sheet, r++, PublishedTables.UNIT_ROW, measure.unit());
            for (String dimension : measure.dimensions()) {
                row(sheet, r++, dimension, dimensions.getOrDefault(dimension, ""), "one of: " + hint(catalogue, dimension));
            }
            r++;
            List<String> header = new ArrayList<>();
            header.add(PublishedTables.AREA_HEADER);
            header.addAll(periods(Frequency.valueOf(measure.frequency()), today));
            row(sheet, r++, header.toArray(String[]::new));
            for (String country : countries(catalogue)) {
                row(sheet, r++, country);
            }
            sheet.setColumnWidth(0, 24 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the countries that report, as REF_AREA labels them (the intake maps them back to codes). */
    static List<String> countries(Catalogue catalogue) {
        Set<String> reporters = catalogue.reporters().stream().filter(r -> COUNTRY_REPORTERS.contains(r.kind()))
                .map(r -> r.code()).collect(Collectors.toSet());
        return catalogue.codelist("REF_AREA").map(list -> list.codes().stream()
                .filter(code -> reporters.contains(code.code())).map(CodeView::label).toList()).orElse(List.of());
    }

    /** The measure's latest complete periods, newest first: ten years, or about two years of shorter periods. */
    static List<String> periods(Frequency frequency, LocalDate today) {
        List<String> periods = new ArrayList<>();
        for (int back = 1; back <= count(frequency); back++) {
            periods.add(switch (frequency) {
                case A -> String.format("%04d", today.getYear() - back);
                case S -> half(today.minusMonths(6L * back));
                case Q -> quarter(today.minusMonths(3L * back));
                case M -> String.format("%04d-%02d", today.minusMonths(back).getYear(), today.minusMonths(back).getMonthValue());
                case W -> week(today.minusWeeks(back));
                case D -> today.minusDays(back).toString();
            });
        }
        return periods;
    }

    private static int count(Frequency frequency) {
        return switch (frequency) {
            case A -> 10;
            case S -> 4;
            case Q -> 8;
            case M, W, D -> 24;
        };
    }

    private static String half(LocalDate day) {
        return String.format("%04d-S%d", day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    private static String quarter(LocalDate day) {
        return String.format("%04d-Q%d", day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    private static String week(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String hint(Catalogue catalogue, String codelist) {
        List<String> codes = catalogue.codelist(codelist).map(list -> list.codes().stream().map(CodeView::code).toList())
                .orElse(List.of());
        String shown = String.join(", ", codes.subList(0, Math.min(HINT_CODES, codes.size())));
        return codes.size() > HINT_CODES ? shown + " ... (GET /api/v1/codelists/" + codelist + ")" : shown;
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }
}
