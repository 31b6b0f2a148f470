package eu.drugsplan.indicators.rest;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataFormatsTest {

    private static final String LOAD = "PI02.WASTEWATER_LOAD";
    private static final String SDMX_CSV = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static final String SDMX_JSON = "application/vnd.sdmx.data+json;version=2.0.0";
    private static final String TRICKY_COMMENT = "sampled in week 12, \"provisional\"\nsee the site report";

    @Test
    void plain_csv_has_one_column_per_dimension_in_catalogue_order_and_quotes_what_needs_quoting() {
        String area = loads();

        String csv = given().accept("text/csv").get(path(area)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();

        List<CsvRecord> rows = parse(csv);
        assertThat(rows.get(0).getFields()).containsExactly("measure", "area", "SUBSTANCE", "STAT", "period", "value",
                "status", "comment", "deleted", "updated_at");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).getFields().subList(0, 8))
                .containsExactly(LOAD, area, "COCAINE", "DAILY_MEAN", "2023", "301.25", "A", "");
        assertThat(rows.get(2).getField(7)).isEqualTo(TRICKY_COMMENT);
        assertThat(rows.get(3).getFields().subList(2, 6)).containsExactly("MDMA", "DAILY_MEAN", "2024", "12.5");
    }

    @Test
    void sdmx_csv_carries_structure_action_dimensions_time_period_value_and_status() {
        String area = loads();
        Instant before = Instant.now();
        event(LOAD, area, Map.of("SUBSTANCE", "MDMA", "STAT", "DAILY_MEAN"), "2024", null).deleting().send();
        awaitVersions(LOAD, area, 4);

        List<CsvRecord> all = parse(given().accept(SDMX_CSV).get(path(area)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.sdmx.data+csv")).extract().asString());
        assertThat(all.get(0).getFields()).containsExactly("STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA",
                "SUBSTANCE", "STAT", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_COMMENT");
        assertThat(all.get(1).getFields()).containsExactly("dataflow", "DRUGS_PLAN:PI02_WASTEWATER_LOAD(1.0)", "I", area,
                "COCAINE", "DAILY_MEAN", "2023", "301.25", "A", "");
        assertThat(all).hasSize(3);

        List<CsvRecord> changes = parse(given().accept(SDMX_CSV).queryParam("updatedAfter", before.toString())
                .get(path(area)).asString());
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).getFields().subList(2, 7)).containsExactly("D", area, "MDMA", "DAILY_MEAN", "2024");
    }

    @Test
    void sdmx_json_keys_series_by_dimension_value_indices_and_describes_them_in_its_structure() {
        String area = loads();

        JsonPath body = given().accept(SDMX_JSON).get(path(area)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.sdmx.data+json")).extract().jsonPath();

        JsonPath structure = body.setRootPath("data.structures[0]");
        assertThat(structure.getList("dimensions.series.id")).containsExactly("REF_AREA", "SUBSTANCE", "STAT");
        assertThat(structure.getList("dimensions.series[1].values.id")).containsExactly("COCAINE", "MDMA");
        assertThat(structure.getList("dimensions.observation[0].values.id")).containsExactly("2023", "2024");
        assertThat(structure.getList("attributes.observation.id")).containsExactly("OBS_STATUS", "OBS_COMMENT");
        Map<String, Object> series = body.setRootPath("").getMap("data.dataSets[0].series");
        assertThat(series).containsOnlyKeys("0:0:0", "0:1:0");
        JsonPath data = body.setRootPath("data.dataSets[0].series");
        assertThat(data.getDouble("'0:0:0'.observations.'0'[0]")).isEqualTo(301.25);
        assertThat(data.getDouble("'0:0:0'.observations.'1'[0]")).isEqualTo(310.5);
        // OBS_COMMENT is not coded: SDMX-JSON 2.0 writes such an attribute in place, without a values list
        assertThat(data.getString("'0:0:0'.observations.'1'[2]")).isEqualTo(TRICKY_COMMENT);
        assertThat(data.getDouble("'0:1:0'.observations.'1'[0]")).isEqualTo(12.5);
    }

    @Test
    void json_is_the_default_and_an_unsupported_accept_header_is_406() {
        String area = loads();

        given().get(path(area)).then().statusCode(200).contentType("application/json")
                .body("series.size()", org.hamcrest.Matchers.is(2));
        given().accept("application/xml").get(path(area)).then().statusCode(406)
                .contentType("application/problem+json");
    }

    /** One site with cocaine 2023-2024 (2024 with a comment that needs quoting) and MDMA 2024. */
    private static String loads() {
        String area = uniqueArea();
        Map<String, String> cocaine = Map.of("SUBSTANCE", "COCAINE", "STAT", "DAILY_MEAN");
        event(LOAD, area, cocaine, "2023", "301.25").send();
        event(LOAD, area, cocaine, "2024", "310.50").withComment(TRICKY_COMMENT).send();
        event(LOAD, area, Map.of("SUBSTANCE", "MDMA", "STAT", "DAILY_MEAN"), "2024", "12.5").send();
        awaitVersions(LOAD, area, 3);
        return area;
    }

    private static String path(String area) {
        return "/api/v1/data/" + LOAD + "/" + area + "..";
    }

    private static List<CsvRecord> parse(String csv) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
