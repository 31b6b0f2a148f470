package eu.drugsplan.submissions.format;

import static eu.drugsplan.submissions.format.SheetCatalogue.OST;
import static eu.drugsplan.submissions.format.SheetCatalogue.PREVALENCE;
import static eu.drugsplan.submissions.format.SheetCatalogue.SYRINGES;
import static eu.drugsplan.submissions.format.SheetCatalogue.VOCABULARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.drugsplan.common.rest.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Layout recognition, table-driven: the rows above and at the header, the request, and what is recognised. */
class SheetLayoutsTest {

    private static final String TITLE = "Prevalence of drug use  >  Cannabis  >  Last year prevalence  >  All adults (15-64)";
    private static final List<Object> GPS_HEADER = List.of("Country", "Year", "Sample size", "Males", "Females", "Total");

    /** What a case expects: the kind, and for a wide table its measure, fixed codes, columns, column dimension. */
    record Expected(String kind, String measure, Map<String, String> fixed, Map<Integer, String> columns,
                    String columnDimension, List<String> notes) {
    }

    static Stream<Arguments> recognised() {
        return Stream.of(
                Arguments.of("bulletin table, periods newest first, measure and dimension as parameters",
                        List.of(List.of(""), List.of("Health and social responses > Opioid substitution treatment >"
                                + " Clients > Methadone clients")),
                        List.of("Country", 2017, 2016, 2015), request(OST, null, "MEDICATION", "METHADONE"),
                        wide(OST, Map.of("MEDICATION", "METHADONE"), Map.of(1, "2017", 2, "2016", 3, "2015"), null)),
                Arguments.of("documented header block, quarters, an empty header cell after the table",
                        List.of(List.of("Measure", OST), List.of("Unit:", "number"), List.of("MEDICATION", "METHADONE")),
                        List.of("Area", "2021-Q2", "2021-Q1", ""), SheetParameters.NONE,
                        wide(OST, Map.of("MEDICATION", "METHADONE"), Map.of(1, "2021-Q2", 2, "2021-Q1"), null)),
                Arguments.of("a measure without dimensions, unit as the catalogue writes it",
                        List.of(), List.of("REF_AREA", 2003), request(SYRINGES, "thousand syringes"),
                        wide(SYRINGES, Map.of(), Map.of(1, "2003"), null)),
                Arguments.of("prevalence table: a Year column, sex columns, the rest read from the title",
                        List.of(List.of(TITLE)), GPS_HEADER, request(PREVALENCE, null),
                        new Expected("wide", PREVALENCE, Map.of("SUBSTANCE", "CANNABIS", "RECALL_PERIOD", "LAST_YEAR",
                                "AGE", "Y15-64"), Map.of(3, "M", 4, "F", 5, "T"), "SEX",
                                List.of("The column Data!C2 'Sample size' is neither a period nor a code of the"
                                        + " table's dimensions and was ignored."))),
                Arguments.of("a parameter wins over the title for a dimension the title also names",
                        List.of(List.of(TITLE)), GPS_HEADER, request(PREVALENCE, null, "SUBSTANCE", "COCAINE"),
                        new Expected("wide", PREVALENCE, Map.of("SUBSTANCE", "COCAINE", "RECALL_PERIOD", "LAST_YEAR",
                                "AGE", "Y15-64"), Map.of(3, "M", 4, "F", 5, "T"), "SEX", null)),
                Arguments.of("the long layout: the CSV columns",
                        List.of(List.of("Drug-induced deaths")), List.of("measure", "area", "period", "value", "SEX"),
                        SheetParameters.NONE, new Expected("long", null, null, null, null, List.of())));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("no measure anywhere", List.of(), List.of("Country", 2017), SheetParameters.NONE,
                        "without its measure"),
                Arguments.of("a measure the catalogue lacks", List.of(), List.of("Country", 2017),
                        request("PI13.HAPPINESS", null), "does not have"),
                Arguments.of("a dimension the measure lacks", List.of(), List.of("Country", 2017),
                        request(SYRINGES, null, "SEX", "M"), "does not have"),
                Arguments.of("a dimension nobody gives", List.of(), List.of("Country", 2017), request(OST, null),
                        "MEDICATION"),
                Arguments.of("period columns and a Year column", List.of(), List.of("Country", "Year", 2017),
                        request(SYRINGES, null), "one or the other"),
                Arguments.of("no period at all", List.of(), List.of("Country", "Males"), request(SYRINGES, null),
                        "no period"),
                Arguments.of("header block and parameter disagree", List.of(List.of("Measure", OST)),
                        List.of("Country", 2017), request(SYRINGES, null), "header block"),
                Arguments.of("a unit other than the catalogue's", List.of(), List.of("Country", 2017),
                        request(SYRINGES, "number"), "thousand syringes"),
                Arguments.of("a Year column and two dimensions left open", List.of(), GPS_HEADER,
                        request(PREVALENCE, null, "SUBSTANCE", "CANNABIS"), "leaves"),
                Arguments.of("parameters with the long layout", List.of(), List.of("measure", "area", "period", "value"),
                        request(OST, null), "long layout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recognised")
    void a_header_is_recognised(String what, List<List<Object>> above, List<Object> header, SheetParameters request,
                                Expected expected) {
        SheetTable table = SheetLayouts.recognise(rows(above, 1), row(above.size() + 1, header), VOCABULARY, request);

        assertThat(table.headerRow()).isEqualTo(above.size() + 1);
        if (expected.kind().equals("long")) {
            assertThat(table).isInstanceOf(LongTable.class);
            return;
        }
        assertThat(table).isInstanceOfSatisfying(WideTable.class, wide -> {
            assertThat(wide.measure()).isEqualTo(expected.measure());
            assertThat(wide.fixed()).isEqualTo(expected.fixed());
            assertThat(wide.columns()).isEqualTo(expected.columns());
            assertThat(wide.columnDimension()).isEqualTo(expected.columnDimension());
            if (expected.notes() != null) {
                assertThat(wide.notes()).isEqualTo(expected.notes());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void a_sheet_unusable_as_a_whole_is_a_400_saying_why(String what, List<List<Object>> above, List<Object> header,
                                                          SheetParameters request, String detail) {
        assertThatThrownBy(() -> SheetLayouts.recognise(rows(above, 1), row(above.size() + 1, header), VOCABULARY,
                request)).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains(detail, "Nothing was stored");
                });
    }

    static SheetParameters request(String measure, String unit, String... dimensions) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.length; i += 2) {
            codes.put(dimensions[i], dimensions[i + 1]);
        }
        return new SheetParameters(Optional.ofNullable(measure), Optional.ofNullable(unit), codes);
    }

    static Expected wide(String measure, Map<String, String> fixed, Map<Integer, String> columns, List<String> notes) {
        return new Expected("wide", measure, fixed, columns, null, notes);
    }

    static List<SheetRow> rows(List<List<Object>> rows, int first) {
        List<SheetRow> built = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            built.add(row(first + i, rows.get(i)));
        }
        return built;
    }

    /** A row as SheetReader gives it: numbers in plain notation. */
    static SheetRow row(int number, List<Object> cells) {
        Map<Integer, SheetRow.Cell> byColumn = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value instanceof Number n) {
                byColumn.put(c, new SheetRow.Cell(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString(),
                        SheetRow.Kind.NUMBER));
            } else if (value != null) {
                byColumn.put(c, new SheetRow.Cell(value.toString(), SheetRow.Kind.TEXT));
            }
        }
        return new SheetRow("Data", number, byColumn);
    }
}
