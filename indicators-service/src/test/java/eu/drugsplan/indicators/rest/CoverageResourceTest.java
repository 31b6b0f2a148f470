package eu.drugsplan.indicators.rest;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoverageResourceTest {

    private static final String HOMICIDES = "PI01.DRUG_RELATED_HOMICIDES";

    @Test
    void the_matrix_shows_for_every_country_and_year_whether_and_with_which_status_data_was_reported() {
        String area = uniqueArea();
        event(HOMICIDES, area, Map.of(), "2018", "4").send();
        event(HOMICIDES, area, Map.of(), "2019", "5").withStatus("E").send();
        awaitVersions(HOMICIDES, area, 2);

        JsonPath coverage = given().queryParam("measure", HOMICIDES).queryParam("startPeriod", "2017")
                .queryParam("endPeriod", "2019").get("/api/v1/coverage").then().statusCode(200).extract().jsonPath();

        assertThat(coverage.getString("areaKind")).isEqualTo("COUNTRY");
        assertThat(coverage.getList("periods")).containsExactly("2017", "2018", "2019");
        List<String> areas = coverage.getList("areas.area");
        assertThat(areas).contains("AT", "EL", "SE", "NO", "TR", area).doesNotContain("EU27_2020", "AT001");
        int row = areas.indexOf(area);
        assertThat(coverage.getList("areas[" + row + "].cells")).first().isNull();
        assertThat(coverage.getString("areas[" + row + "].cells[1].status")).isEqualTo("A");
        assertThat(coverage.getString("areas[" + row + "].cells[2].status")).isEqualTo("E");
        assertThat(coverage.getInt("areas[" + row + "].reported")).isEqualTo(2);
        assertThat(coverage.getList("areas[" + areas.indexOf("AT") + "].cells")).containsOnlyNulls().hasSize(3);
    }

    @Test
    void the_waste_water_measure_is_covered_per_site_and_a_cell_counts_its_observations() {
        String site = uniqueArea();
        event("PI02.WASTEWATER_LOAD", site, Map.of("SUBSTANCE", "COCAINE", "STAT", "DAILY_MEAN"), "2024", "100").send();
        event("PI02.WASTEWATER_LOAD", site, Map.of("SUBSTANCE", "MDMA", "STAT", "DAILY_MEAN"), "2024", "10")
                .withStatus("P").send();
        event("PI02.WASTEWATER_LOAD", site, Map.of("SUBSTANCE", "MDMA", "STAT", "SUN"), "2024", "12").send();
        awaitVersions("PI02.WASTEWATER_LOAD", site, 3);

        JsonPath coverage = given().queryParam("measure", "PI02.WASTEWATER_LOAD").queryParam("startPeriod", "2024")
                .queryParam("endPeriod", "2024").get("/api/v1/coverage").jsonPath();

        assertThat(coverage.getString("areaKind")).isEqualTo("WASTEWATER_SITE");
        List<String> areas = coverage.getList("areas.area");
        assertThat(areas).contains("AT001", "GR001", "H001").doesNotContain("AT", "EU27_2020");
        int row = areas.indexOf(site);
        assertThat(coverage.getInt("areas[" + row + "].cells[0].observations")).isEqualTo(3);
        assertThat(coverage.getString("areas[" + row + "].cells[0].status")).isEqualTo("A");
        assertThat(coverage.getList("areas[" + row + "].cells[0].statuses")).containsExactly("A", "P");
    }

    @Test
    void a_coverage_request_without_a_known_measure_or_with_a_bad_period_is_refused() {
        given().get("/api/v1/coverage").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("measure", "PI99.NOTHING").get("/api/v1/coverage").then().statusCode(404);
        given().queryParam("measure", HOMICIDES).queryParam("startPeriod", "twenty").get("/api/v1/coverage").then()
                .statusCode(400);
    }
}
