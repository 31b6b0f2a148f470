package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A CSV as Excel writes it where the comma is the decimal mark (a byte order mark, CRLF, ';' between fields,
 * 1,5): read as its sender meant it when the body declares its decimal mark, refused as a whole, saying why,
 * when it does not; never a wrong number.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class SemicolonCsvTest {

    static final String EXCEL = "\uFEFFmeasure;area;period;value;status;comment\r\n"
            + "PI10.OST_COVERAGE;AT;2016;1,5;;\r\n"
            + "PI10.OST_COVERAGE;AT;2017;42,25;;\"vorläufig; geschätzt\"\r\n"
            + "PI10.OST_COVERAGE;AT;2018;1.234;;\r\n"
            + "PI10.OST_COVERAGE;AT;2019;7;;\r\n";
    /** The SDMX-CSV 2.0 field guide's example 4 shape: STRUCTURE[|], ';' and decimal commas. */
    static final String SDMX = "STRUCTURE[|];STRUCTURE_ID;ACTION;REF_AREA: Reference area;TIME_PERIOD;OBS_VALUE: Observation value\r\n"
            + "dataflow;EUDRUGS:PI10.HCV_TESTING_COVERAGE(1.0): HCV testing;I;AT;2020;12,4\r\n"
            + "dataflow;EUDRUGS:PI10.HCV_TESTING_COVERAGE(1.0): HCV testing;I;AT;2021;10,8\r\n";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_semicolon_csv_that_declares_its_decimal_comma_is_read_as_meant() {
        String id = post("text/csv; decimal=\",\"", EXCEL)
                .statusCode(201)
                .body("received", equalTo(4)).body("accepted", equalTo(3)).body("rejected", equalTo(1))
                .body("conflicts[0].row", equalTo("4")).body("conflicts[0].code", equalTo("ROW_MALFORMED"))
                .body("conflicts[0].message", containsString("1.234"))
                .extract().path("id");

        assertThat(values(id)).isEqualTo("2016=1.5 2017=42.25 2019=7");
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e where payload like ?",
                "%vorläufig; geschätzt%")).isEqualTo(1);
    }

    @Test
    void a_semicolon_csv_without_a_declared_decimal_mark_is_refused_as_a_whole_saying_why() {
        long submissions = Database.count(dataSource, "select count(*) from submission");
        post("text/csv", EXCEL)
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", containsString("csv-decimal-undeclared"))
                .body("detail", containsString("decimal=\",\""));
        post(FormatsTest.SDMX, SDMX).statusCode(400).body("type", containsString("csv-decimal-undeclared"));
        assertThat(Database.count(dataSource, "select count(*) from submission")).isEqualTo(submissions);
    }

    @Test
    void a_semicolon_sdmx_csv_with_a_bracketed_structure_column_and_a_declared_decimal_comma_is_read_as_meant() {
        String id = post(FormatsTest.SDMX + "; decimal=\",\"", SDMX)
                .statusCode(201).body("accepted", equalTo(2))
                .extract().path("id");
        assertThat(values(id)).isEqualTo("2020=12.4 2021=10.8");
    }

    @Test
    void a_semicolon_csv_that_declares_a_decimal_dot_refuses_a_decimal_comma_value_rather_than_misread_it() {
        String csv = "measure;area;period;value;status\r\nPI10.OST_COVERAGE;AT;2010;1,5;\r\n"
                + "PI10.OST_COVERAGE;AT;2011;2.5;\r\nPI10.OST_COVERAGE;AT;2012;;M\r\n";
        String id = post("text/csv; decimal=\".\"", csv)
                .statusCode(201).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("conflicts[0].row", equalTo("2"))
                .extract().path("id");
        assertThat(values(id)).isEqualTo("2011=2.5 2012=null");
    }

    @Test
    void a_decimal_mark_other_than_comma_or_dot_is_415() {
        post("text/csv; decimal=\"'\"", EXCEL).statusCode(415).body("type", containsString("unsupported-media-type"));
    }

    private static ValidatableResponse post(String contentType, String body) {
        // the media type exactly as given: no charset appended to it
        RestAssuredConfig config = RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        return given().config(config).auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions").then();
    }

    /** "period=value ..." of the submission's outbox records, in row order, values as the event carries them. */
    private String values(String submissionId) {
        StringBuilder values = new StringBuilder();
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("select o ->> 'period', o -> 'value' from " + Database.EVENTS + " e,"
                     + " jsonb_array_elements(e.payload::jsonb -> 'observations') with ordinality as t(o, n)"
                     + " where e.payload like ? order by e.id, n")) {
            select.setString(1, "%\"submissionId\":\"" + submissionId + "\"%");
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    values.append(values.length() == 0 ? "" : " ").append(rows.getString(1)).append('=').append(rows.getString(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return values.toString();
    }
}
