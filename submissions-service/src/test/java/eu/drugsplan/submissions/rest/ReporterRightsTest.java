package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Fixtures;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reporter of the catalogue against every measure, and every Member State against every area: one
 * submission per reporter with one row per pair, so each refused pair is checked row by row.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class ReporterRightsTest {

    static Stream<String> reporters() {
        return StreamSupport.stream(Fixtures.reporters().spliterator(), false).map(r -> r.path("code").asText());
    }

    static Stream<String> memberStates() {
        return StreamSupport.stream(Fixtures.reporters().spliterator(), false)
                .filter(r -> !"AGENCY".equals(r.path("kind").asText())).map(r -> r.path("code").asText());
    }

    @ParameterizedTest(name = "{0} may submit exactly the measures open to it")
    @MethodSource("reporters")
    void a_reporter_is_refused_every_measure_that_does_not_name_it(String reporter) {
        boolean agency = isAgency(reporter);
        List<String> rows = new ArrayList<>();
        Set<Integer> refused = new HashSet<>();
        for (JsonNode measure : Fixtures.measures()) {
            boolean may = agency ? contains(measure.path("agencies"), reporter) : measure.path("memberStates").asBoolean();
            if (!may) {
                refused.add(rows.size());
            }
            rows.add(Fixtures.validRow(measure, agency ? "EU27_2020" : reporter));
        }

        JsonPath answer = submit(reporter, rows);

        assertThat(answer.getInt("received")).isEqualTo(rows.size());
        assertThat(rejectedRows(answer, "REPORTER_NOT_ALLOWED_MEASURE")).isEqualTo(refused);
        assertThat(answer.getList("conflicts.code", String.class)).containsOnly("REPORTER_NOT_ALLOWED_MEASURE");
    }

    @ParameterizedTest(name = "{0} may report only for itself and its sub-national areas")
    @MethodSource("memberStates")
    void a_member_state_is_refused_every_area_but_its_own_and_those_under_it(String reporter) {
        JsonNode deaths = measure("PI09.DRUG_INDUCED_DEATHS");
        List<String> rows = new ArrayList<>();
        Set<Integer> refused = new HashSet<>();
        for (JsonNode area : Fixtures.codelist("REF_AREA")) {
            String code = area.path("code").asText();
            if (!code.equals(reporter) && !reporter.equals(area.path("parent").asText(null))) {
                refused.add(rows.size());
            }
            rows.add(Fixtures.validRow(deaths, code));
        }

        JsonPath answer = submit(reporter, rows);

        assertThat(refused).isNotEmpty();
        assertThat(answer.getInt("accepted")).isEqualTo(rows.size() - refused.size());
        assertThat(rejectedRows(answer, "REPORTER_NOT_ALLOWED_AREA")).isEqualTo(refused);
    }

    @ParameterizedTest(name = "agency {0} may report its measures for any area")
    @MethodSource("reporters")
    void an_agency_reports_its_measures_for_any_area(String reporter) {
        if (!isAgency(reporter)) {
            return;
        }
        List<String> rows = new ArrayList<>();
        for (JsonNode measure : Fixtures.measures()) {
            if (contains(measure.path("agencies"), reporter)) {
                for (String area : List.of("EU27_2020", "AT", "BE001", "TR")) {
                    rows.add(Fixtures.validRow(measure, area));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        JsonPath answer = submit(reporter, rows);
        assertThat(answer.getInt("rejected")).isZero();
        assertThat(answer.getInt("accepted")).isEqualTo(rows.size());
    }

    private static JsonPath submit(String reporter, List<String> rows) {
        return given().auth().oauth2(Tokens.forReporter(reporter, "submitter"))
                .contentType(ContentType.JSON)
                .queryParam("dryRun", true)
                .body("{\"observations\": [" + String.join(",", rows) + "]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static Set<Integer> rejectedRows(JsonPath answer, String code) {
        Set<Integer> rows = new HashSet<>();
        List<String> pointers = answer.getList("conflicts.findAll { it.code == '" + code + "' }.row", String.class);
        pointers.forEach(p -> rows.add(Integer.parseInt(p.substring("/observations/".length()))));
        return rows;
    }

    private static boolean isAgency(String reporter) {
        return StreamSupport.stream(Fixtures.reporters().spliterator(), false)
                .anyMatch(r -> r.path("code").asText().equals(reporter) && "AGENCY".equals(r.path("kind").asText()));
    }

    private static boolean contains(JsonNode array, String value) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(n -> n.asText().equals(value));
    }

    private static JsonNode measure(String code) {
        return StreamSupport.stream(Fixtures.measures().spliterator(), false)
                .filter(m -> m.path("code").asText().equals(code)).findFirst().orElseThrow();
    }
}
