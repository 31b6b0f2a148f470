package eu.drugsplan.submissions.format;

import static eu.drugsplan.submissions.format.SheetCatalogue.OST;
import static eu.drugsplan.submissions.format.SheetCatalogue.PREVALENCE;
import static eu.drugsplan.submissions.format.SheetCatalogue.SYRINGES;
import static eu.drugsplan.submissions.format.SheetCatalogue.VOCABULARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.support.BulletinFiles;
import eu.drugsplan.submissions.support.BulletinFiles.ReportedCell;
import eu.drugsplan.submissions.support.ZipBombs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole workbooks: the bulletin's own files against an independent reader, and bodies refused as a whole. */
class XlsxRowsTest {

    @TempDir
    Path directory;

    @Test
    void the_methadone_table_yields_every_reported_cell_with_its_period_and_cell() {
        Path file = BulletinFiles.file("emcdda-statistical-bulletin-2019/xlsx/methadoneClients.xlsx");
        List<ReportedCell> expected = BulletinFiles.reportedCells(file);

        List<ObservationRow> rows = read(file, SheetParametersOf.of(OST, "MEDICATION", "METHADONE"));

        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            ObservationRow row = rows.get(i);
            ReportedCell cell = expected.get(i);
            assertThat(row.pointer()).isEqualTo("'" + cell.sheet() + "'!" + cell.ref()); // '-' makes a name quoted
            assertThat(row.period()).isEqualTo(cell.header());
            assertThat(row.value()).isEqualTo(cell.value());
            assertThat(row.dimensions()).isEqualTo(Map.of("MEDICATION", "METHADONE"));
        }
        assertThat(rows).filteredOn(r -> r.pointer().equals("'HSR-3-2'!B5")).singleElement()
                .satisfies(r -> assertThat(r.area()).isEqualTo("AT"));
    }

    @Test
    void a_star_attaches_the_footnotes_of_its_country_as_the_comment() {
        Path file = BulletinFiles.file("emcdda-statistical-bulletin-2019/xlsx/syringesProvision.xlsx");

        List<ObservationRow> austria = read(file, SheetParametersOf.of(SYRINGES)).stream()
                .filter(r -> "AT".equals(r.area())).toList();

        assertThat(austria).isNotEmpty().allSatisfy(r -> assertThat(r.comment())
                .startsWith("HSR-5-1-1: Data provided from provoncial drug coordinators; IN 2014")
                .contains("2005 data for Austria cover the two agencies"));
    }

    @Test
    void a_prevalence_table_reads_the_year_column_and_one_observation_per_sex_column() {
        Path file = BulletinFiles.file("euda-statistical-bulletin-2024/Cocaine.xlsx");
        List<ReportedCell> expected = BulletinFiles.reportedCells(file).stream()
                .filter(c -> List.of("Males", "Females", "Total").contains(c.header())).toList();

        List<ObservationRow> rows = read(file, SheetParametersOf.of(PREVALENCE, "SUBSTANCE", "COCAINE"));

        assertThat(rows).extracting(ObservationRow::value).containsExactlyElementsOf(
                expected.stream().map(ReportedCell::value).toList());
        assertThat(rows).filteredOn(r -> r.pointer().equals("'GPS-29'!E5")).singleElement().satisfies(r -> {
            assertThat(r.area()).isEqualTo("AT");
            assertThat(r.period()).isEqualTo("2022");
            assertThat(r.value()).isEqualTo("1.1");
            assertThat(r.dimensions()).containsEntry("SEX", "F").containsEntry("AGE", "Y15-64")
                    .containsEntry("RECALL_PERIOD", "LAST_YEAR");
            assertThat(r.pointer("period")).isEqualTo("'GPS-29'!B5");
        });
    }

    @Test
    void a_zip_bomb_is_a_413() throws IOException {
        Path plain = Workbooks.write(directory.resolve("plain.xlsx"), new Workbooks.Sheet1("S",
                List.of(List.of("Country", 2020), List.of("Austria", 1))));
        Path bomb = ZipBombs.padSheet(plain, directory.resolve("bomb.xlsx"), 40 << 20);

        assertThatThrownBy(() -> read(bomb, SheetParametersOf.of(SYRINGES)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
    }

    @Test
    void a_sheet_past_the_part_limit_is_a_413() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Country", 2020));
        for (int i = 0; i < 5000; i++) {
            rows.add(List.of("Austria", i));
        }
        Path file = Workbooks.write(directory.resolve("large.xlsx"), new Workbooks.Sheet1("S", rows));
        XlsxWorkbook.Limits small = new XlsxWorkbook.Limits(64 << 10, 1 << 20, 0.01);

        assertThatThrownBy(() -> all(XlsxRows.open(file, VOCABULARY, SheetParametersOf.of(SYRINGES), small, 1000000)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
    }

    @Test
    void bodies_that_are_no_xlsx_are_a_400_saying_what_they_are() throws IOException {
        Path text = Files.writeString(directory.resolve("a.csv"), "measure,area\n");
        Path xls = directory.resolve("old.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            workbook.createSheet("S").createRow(0).createCell(0).setCellValue("Country");
            workbook.write(out);
        }
        Path empty = Files.write(directory.resolve("empty.xlsx"), new byte[0]);

        for (Path body : List.of(text, xls, empty)) {
            assertThatThrownBy(() -> read(body, SheetParameters.NONE)).as(body.toString())
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().detail()).contains("Nothing was stored");
                    });
        }
        assertThatThrownBy(() -> read(xls, SheetParameters.NONE)).hasMessageContaining(".xls");
    }

    @Test
    void a_workbook_without_a_table_is_a_400_and_a_sheet_without_one_is_named_in_the_notes() throws IOException {
        Path none = Workbooks.write(directory.resolve("none.xlsx"), new Workbooks.Sheet1("S", List.of(List.of("hello"))));
        Path one = Workbooks.write(directory.resolve("one.xlsx"), new Workbooks.Sheet1("Readme", List.of(List.of("x"))),
                new Workbooks.Sheet1("Data", List.of(List.of("Country", 2020), List.of("Austria", 3))));

        assertThatThrownBy(() -> read(none, SheetParametersOf.of(SYRINGES))).isInstanceOf(ProblemException.class);
        try (XlsxRows rows = open(one, SheetParametersOf.of(SYRINGES))) {
            assertThat(rows.notes()).singleElement().asString().contains("'Readme'");
            assertThat(all(rows)).singleElement().satisfies(r -> assertThat(r.pointer()).isEqualTo("Data!B2"));
        }
    }

    @Test
    void a_long_sheet_names_each_field_by_its_cell() throws IOException {
        Path file = Workbooks.write(directory.resolve("long.xlsx"), new Workbooks.Sheet1("Long", List.of(
                List.of("measure", "area", "period", "value", "MEDICATION"),
                List.of(OST, "AT", "2021", 4100, "METHADONE"))));

        assertThat(read(file, SheetParameters.NONE)).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("4100");
            assertThat(r.pointer("area")).isEqualTo("Long!B2");
            assertThat(r.pointer("dimensions/MEDICATION")).isEqualTo("Long!E2");
        });
    }

    private static List<ObservationRow> read(Path file, SheetParameters parameters) {
        try (XlsxRows rows = open(file, parameters)) {
            return all(rows);
        }
    }

    private static XlsxRows open(Path file, SheetParameters parameters) {
        return XlsxRows.open(file, VOCABULARY, parameters, SheetReaderTest.LIMITS, 1_000_000);
    }

    private static List<ObservationRow> all(XlsxRows rows) {
        List<ObservationRow> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        return all;
    }

    /** Request parameters: a measure and dimension codes in pairs. */
    static final class SheetParametersOf {
        static SheetParameters of(String measure, String... dimensions) {
            return SheetLayoutsTest.request(measure, null, dimensions);
        }
    }
}
