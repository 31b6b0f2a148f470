package eu.drugsplan.submissions.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.common.rest.ProblemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cell parsing: what each kind of SpreadsheetML cell reads as, written by POI's two writers. */
class SheetReaderTest {

    static final XlsxWorkbook.Limits LIMITS = new XlsxWorkbook.Limits(1 << 26, 1 << 24, 0.01);

    @TempDir
    Path directory;

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("a shared string", "Austria *", "Austria *", SheetRow.Kind.TEXT),
                Arguments.of("text that looks like a number stays text", "1.234", "1.234", SheetRow.Kind.TEXT),
                Arguments.of("a whole number, stored as 2017.0 by some writers", 2017, "2017", SheetRow.Kind.NUMBER),
                Arguments.of("a decimal", 1.1, "1.1", SheetRow.Kind.NUMBER),
                Arguments.of("a large number in plain notation", 1e20, "100000000000000000000", SheetRow.Kind.NUMBER),
                Arguments.of("a negative small number", -0.000125, "-0.000125", SheetRow.Kind.NUMBER),
                Arguments.of("zero", 0, "0", SheetRow.Kind.NUMBER),
                Arguments.of("a boolean", true, "TRUE", SheetRow.Kind.BOOLEAN),
                Arguments.of("an error value", new Workbooks.Error(FormulaError.DIV0), "#DIV/0!", SheetRow.Kind.ERROR),
                Arguments.of("a calculated formula reads as its result", new Workbooks.Formula("6*7", true), "42",
                        SheetRow.Kind.NUMBER),
                Arguments.of("a calculated text formula", new Workbooks.Formula("\"A\"&\"T\"", true), "AT",
                        SheetRow.Kind.TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void a_cell_reads_as_the_value_it_stores(String what, Object written, String text, SheetRow.Kind kind)
            throws Exception {
        Path file = Workbooks.write(directory.resolve("cells.xlsx"),
                new Workbooks.Sheet1("Data", List.of(List.of("header"), Arrays.asList(null, written))));

        SheetRow row = rows(file).get(1);

        assertThat(row.text(1)).as(what).isEqualTo(text);
        assertThat(row.kind(1)).as(what).isEqualTo(kind);
        assertThat(row.reference(1)).isEqualTo("Data!B2");
    }

    @Test
    void inline_strings_of_streaming_writers_read_like_shared_ones() throws Exception {
        Path file = Workbooks.writeStreaming(directory.resolve("inline.xlsx"),
                new Workbooks.Sheet1("Data", List.of(List.of("Country", 2021), List.of("Straße 😀", 5.5))));

        List<SheetRow> rows = rows(file);

        assertThat(rows.get(1).text(0)).isEqualTo("Straße 😀");
        assertThat(rows.get(1).text(1)).isEqualTo("5.5");
        assertThat(rows.get(0).text(1)).isEqualTo("2021");
    }

    @Test
    void a_formula_without_a_calculated_result_refuses_the_body_naming_its_cell() throws Exception {
        Path file = Workbooks.write(directory.resolve("formula.xlsx"), new Workbooks.Sheet1("My data",
                List.of(List.of("a"), List.of(1, new Workbooks.Formula("A2*2", false)))));

        assertThatThrownBy(() -> rows(file)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().detail()).contains("'My data'!B2", "formula");
        });
    }

    @Test
    void rows_keep_their_numbers_and_empty_rows_between_them_are_skipped() throws Exception {
        Path file = Workbooks.write(directory.resolve("gaps.xlsx"), new Workbooks.Sheet1("S",
                List.of(List.of("x"), List.of(), Arrays.asList(null, null, "c"))));

        List<SheetRow> rows = rows(file);

        assertThat(rows).extracting(SheetRow::number).contains(1, 3);
        assertThat(rows.get(rows.size() - 1).reference(2)).isEqualTo("S!C3");
        assertThat(rows.get(rows.size() - 1).text(2)).isEqualTo("c");
    }

    private static List<SheetRow> rows(Path file) throws Exception {
        try (XlsxWorkbook workbook = XlsxWorkbook.open(file, LIMITS);
             SheetReader reader = workbook.read(workbook.sheets().get(0))) {
            List<SheetRow> rows = new ArrayList<>();
            for (Optional<SheetRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
            return rows;
        }
    }
}
