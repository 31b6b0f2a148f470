package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class ConflictCodesTest {

    private static final String DEATHS = "\"measure\": \"PI09.DRUG_INDUCED_DEATHS\", \"area\": \"AT\", \"period\": \"2021\"";
    private static final String DIMS = "\"dimensions\": {\"SEX\": \"M\", \"AGE\": \"TOTAL\"}";

    @ParameterizedTest(name = "{0} is rejected with {1} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            no measure                       | MEASURE_MISSING           | measure           | "area": "AT", "period": "2021", "value": 1
            a malformed measure              | MEASURE_INVALID           | measure           | "measure": "deaths", "area": "AT", "period": "2021", "value": 1
            a measure not in the catalogue   | MEASURE_UNKNOWN           | measure           | "measure": "PI09.OVERDOSES", "area": "AT", "period": "2021", "value": 1
            no area                          | AREA_MISSING              | area              | "measure": "PI01.DRUG_RELATED_HOMICIDES", "period": "2021", "value": 1
            a malformed area                 | AREA_INVALID              | area              | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "at", "period": "2021", "value": 1
            an area not in REF_AREA          | AREA_UNKNOWN              | area              | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "XX", "period": "2021", "value": 1
            a period that is no date         | PERIOD_INVALID            | period            | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021-13", "value": 1
            a month for an annual measure    | PERIOD_FREQUENCY_MISMATCH | period            | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021-03", "value": 1
            a malformed dimension code       | DIMENSION_INVALID         | dimensions/SEX    | "measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "m!", "AGE": "TOTAL"}, "value": 1
            a dimension left out             | DIMENSION_MISSING         | dimensions/AGE    | "measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "M"}, "value": 1
            a dimension the measure lacks    | DIMENSION_UNKNOWN         | dimensions/STAT   | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021", "dimensions": {"STAT": "MON"}, "value": 1
            a code not in the code list      | CODE_UNKNOWN              | dimensions/SEX    | "measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "X", "AGE": "TOTAL"}, "value": 1
            no value with a normal status    | VALUE_MISSING             | value             | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021"
            a value that is not a number     | VALUE_NOT_FINITE          | value             | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021", "value": "Infinity"
            a negative count                 | VALUE_NEGATIVE            | value             | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021", "value": -1
            a negative amount                | VALUE_NEGATIVE            | value             | "measure": "PI03.ASSETS_RECOVERED", "area": "AT", "period": "2021", "value": -0.5
            a percentage above 100           | VALUE_OUT_OF_RANGE        | value             | "measure": "PI10.OST_COVERAGE", "area": "AT", "period": "2021", "value": 100.1
            a negative percentage            | VALUE_OUT_OF_RANGE        | value             | "measure": "PI10.OST_COVERAGE", "area": "AT", "period": "2021", "value": -1
            an age above 120 years           | VALUE_OUT_OF_RANGE        | value             | "measure": "PI08.MEAN_AGE_FIRST_USE", "area": "AT", "period": "2021", "dimensions": {"SUBSTANCE": "CANNABIS", "SEX": "T"}, "value": 121
            a binary value of 2              | VALUE_OUT_OF_RANGE        | value             | "measure": "PI11.PRISON_DRUG_STRATEGY", "area": "AT", "period": "2021", "value": 2
            a count of 1e15 deaths           | VALUE_OUT_OF_RANGE        | value             | "measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 1000000000000000
            a count that would round to zero | VALUE_OUT_OF_RANGE        | value             | "measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "2021", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 1e-999999999
            a status outside OBS_STATUS      | STATUS_INVALID            | status            | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021", "value": 1, "status": "Z"
            an unknown action                | ACTION_INVALID            | action            | "measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021", "value": 1, "action": "X"
            """)
    void each_broken_rule_is_reported_with_its_stable_code(String rule, String code, String field, String row) {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body("{\"observations\": [{" + row + "}]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .body("received", equalTo(1)).body("accepted", equalTo(0)).body("rejected", equalTo(1))
                .body("status", equalTo("REJECTED"))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].code", equalTo(code)).body("conflicts[0].field", equalTo(field))
                .body("conflicts[0].row", equalTo("/observations/0"));
    }

    @ParameterizedTest(name = "status {0} without a value is accepted")
    @CsvSource({"L", "M", "O", "Q"})
    void a_missing_type_status_from_the_catalogue_needs_no_value(String status) {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON)
                .body("{\"observations\": [{" + DEATHS + ", " + DIMS + ", \"status\": \"" + status + "\"}]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(1)).body("rejected", equalTo(0));
    }

    @Test
    void values_at_the_bounds_of_their_unit_are_accepted() {
        String body = """
                {"observations": [
                  {"measure": "PI10.OST_COVERAGE", "area": "AT", "period": "2021", "value": 100},
                  {"measure": "PI10.OST_COVERAGE", "area": "AT", "period": "2020", "value": 0},
                  {"measure": "PI11.PRISON_DRUG_STRATEGY", "area": "AT", "period": "2021", "value": 1},
                  {"measure": "PI11.PRISON_DRUG_STRATEGY", "area": "AT", "period": "2020", "value": 0},
                  {"measure": "PI08.MEAN_AGE_FIRST_USE", "area": "AT", "period": "2021", "dimensions": {"SUBSTANCE": "CANNABIS", "SEX": "T"}, "value": 120},
                  {"measure": "PI01.DRUG_RELATED_HOMICIDES", "area": "AT", "period": "2021", "value": 0}
                ]}""";
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(6)).body("rejected", equalTo(0));
    }

    @Test
    void a_delete_needs_no_value_and_is_counted_as_deleted() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(ContentType.JSON)
                .body("{\"observations\": [{" + DEATHS + ", " + DIMS + ", \"action\": \"D\"}]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("deleted", equalTo(1)).body("accepted", equalTo(0)).body("rejected", equalTo(0));
    }

    @Test
    void a_reporter_the_catalogue_does_not_know_is_refused_with_403() {
        given().auth().oauth2(Tokens.forReporter("XY", "submitter"))
                .contentType(ContentType.JSON).body("{\"observations\": [{" + DEATHS + ", " + DIMS + ", \"value\": 1}]}")
                .when().post("/api/v1/submissions")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
