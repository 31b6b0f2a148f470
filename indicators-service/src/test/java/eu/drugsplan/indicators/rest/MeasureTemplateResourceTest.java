package eu.drugsplan.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The template download: the documented wide layout, filled from the catalogue (round trip: e2e-tests). */
@QuarkusTest
class MeasureTemplateResourceTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void a_template_holds_the_header_block_the_last_ten_years_and_a_row_per_reporting_country() throws IOException {
        byte[] body = given().get("/api/v1/measures/PI10.OST_CLIENTS/template.xlsx?MEDICATION=METHADONE")
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("PI10.OST_CLIENTS-template.xlsx"))
                .extract().asByteArray();

        List<List<String>> rows = rows(body);
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        assertThat(rows).contains(List.of("Measure", "PI10.OST_CLIENTS"), List.of("Unit", "number"));
        assertThat(rows).filteredOn(r -> r.size() > 1 && r.get(0).equals("MEDICATION")).singleElement()
                .satisfies(r -> assertThat(r.get(1)).isEqualTo("METHADONE"));
        List<String> header = rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Country")).findFirst().orElseThrow();
        assertThat(header).hasSize(11).startsWith("Country", Integer.toString(year - 1)).endsWith(Integer.toString(year - 10));
        List<String> countries = rows.subList(rows.indexOf(header) + 1, rows.size()).stream().map(r -> r.get(0)).toList();
        assertThat(countries).contains("Austria", "Greece", "Norway", "Türkiye").doesNotContain("United Kingdom", "EUDA");
        assertThat(countries).hasSize(29);
    }

    @Test
    void a_dimension_the_measure_lacks_or_an_unknown_code_is_a_400_and_an_unknown_measure_a_404() {
        given().get("/api/v1/measures/PI10.OST_CLIENTS/template.xlsx?SEX=M").then().statusCode(400)
                .body("detail", containsString("no dimension SEX"));
        given().get("/api/v1/measures/PI10.OST_CLIENTS/template.xlsx?MEDICATION=ASPIRIN").then().statusCode(400);
        given().get("/api/v1/measures/PI13.HAPPINESS/template.xlsx").then().statusCode(404);
    }

    private static List<List<String>> rows(byte[] body) throws IOException {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
