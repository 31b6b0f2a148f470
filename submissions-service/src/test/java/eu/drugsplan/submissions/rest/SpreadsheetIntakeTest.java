package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import eu.drugsplan.submissions.support.BulletinFiles;
import eu.drugsplan.submissions.support.BulletinFiles.ReportedCell;
import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.submissions.support.ZipBombs;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spreadsheet intake end to end within the service: the bulletin's files posted unchanged, compared with an
 * independent reader of the same files (published_cells.py), and the rules every format follows.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class SpreadsheetIntakeTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String METHADONE = "emcdda-statistical-bulletin-2019/xlsx/methadoneClients.xlsx";

    @Inject
    AgroalDataSource dataSource;

    @TempDir
    Path directory;

    @Test
    void the_methadone_table_stores_the_reporters_own_rows_and_names_the_cells_of_the_others() throws IOException {
        Path file = BulletinFiles.file(METHADONE);
        List<ReportedCell> cells = BulletinFiles.reportedCells(file);
        List<ReportedCell> finland = cells.stream().filter(c -> c.country().equals("Finland")).toList();

        String id = post("FI", file, "?measure=PI10.OST_CLIENTS&MEDICATION=METHADONE").statusCode(201)
                .body("received", equalTo(cells.size())).body("accepted", equalTo(finland.size()))
                .body("rejected", equalTo(cells.size() - finland.size()))
                .body("conflicts.row", hasItem("'HSR-3-2'!A5")).body("conflicts.code", hasItem("REPORTER_NOT_ALLOWED_AREA"))
                .extract().path("id");

        List<String> stored = Database.observations(dataSource, id);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(finland.stream()
                .map(c -> "FI|" + c.header() + "|{\"MEDICATION\": \"METHADONE\"}|"
                        + new BigDecimal(c.value()).stripTrailingZeros().toPlainString() + "|"
                        + (c.note() ? "HSR-3-2: Number of methadone clients collected using different methods each year." : null))
                .toList());
    }

    @Test
    void a_broken_cell_is_a_conflict_naming_sheet_row_and_column() throws IOException {
        Path broken = directory.resolve("broken.xlsx");
        try (InputStream in = Files.newInputStream(BulletinFiles.file(METHADONE));
             XSSFWorkbook workbook = new XSSFWorkbook(in); OutputStream out = Files.newOutputStream(broken)) {
            workbook.getSheetAt(0).getRow(4).getCell(2).setCellValue("4043 (provisional)"); // C5, Austria 2016
            workbook.write(out);
        }

        post("AT", broken, "?measure=PI10.OST_CLIENTS&MEDICATION=METHADONE").statusCode(201)
                .body("conflicts.find { it.row == \"'HSR-3-2'!C5\" }.code", equalTo("VALUE_NOT_FINITE"))
                .body("conflicts.find { it.row == \"'HSR-3-2'!C5\" }.field", equalTo("value"));
    }

    @Test
    void a_dry_run_stores_nothing_and_an_idempotency_key_replays_the_first_answer() {
        Path file = BulletinFiles.file(METHADONE);
        long before = Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e");

        post("DK", file, "?measure=PI10.OST_CLIENTS&MEDICATION=METHADONE&dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true)).body("id", nullValue());
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e")).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.forReporter("DK", "submitter")).header("Idempotency-Key", key)
                .contentType(XLSX).body(bytes(file)).post("/api/v1/submissions?measure=PI10.OST_CLIENTS&MEDICATION=METHADONE")
                .then().statusCode(201).extract().path("id");
        long afterFirst = Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e");
        given().auth().oauth2(Tokens.forReporter("DK", "submitter")).header("Idempotency-Key", key)
                .contentType(XLSX).body(bytes(file)).post("/api/v1/submissions?measure=PI10.OST_CLIENTS&MEDICATION=METHADONE")
                .then().statusCode(201).body("id", equalTo(first));
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e")).isEqualTo(afterFirst);
    }

    @Test
    void refused_workbooks_are_problems_and_leave_nothing_behind() throws IOException {
        long submissions = Database.count(dataSource, "select count(*) from submission");
        Path plain = directory.resolve("plain.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
            var sheet = workbook.createSheet("S");
            sheet.createRow(0).createCell(0).setCellValue("Country");
            sheet.getRow(0).createCell(1).setCellValue(2020);
            workbook.write(out);
        }
        Path bomb = ZipBombs.padSheet(plain, directory.resolve("bomb.xlsx"), 40 << 20);
        Path csv = Files.writeString(directory.resolve("x.csv"), "measure,area,period,value\n");

        post("AT", bomb, "?measure=PI10.NSP_SYRINGES").statusCode(413).contentType(containsString("problem+json"));
        post("AT", csv, "?measure=PI10.NSP_SYRINGES").statusCode(400).body("detail", containsString("xlsx"));
        post("AT", plain, "").statusCode(400).body("detail", containsString("measure"));
        given().auth().oauth2(Tokens.forReporter("AT", "submitter")).contentType("text/csv")
                .body("measure,area,period,value\n").post("/api/v1/submissions?measure=PI10.NSP_SYRINGES")
                .then().statusCode(400).body("detail", containsString("wide layout"));
        assertThat(Database.count(dataSource, "select count(*) from submission")).isEqualTo(submissions);
    }

    private static ValidatableResponse post(String reporter, Path file, String query) {
        return given().auth().oauth2(Tokens.forReporter(reporter, "submitter")).contentType(XLSX).body(bytes(file))
                .when().post("/api/v1/submissions" + query).then();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
