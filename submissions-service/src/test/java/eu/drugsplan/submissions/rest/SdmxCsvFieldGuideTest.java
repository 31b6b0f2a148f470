package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.submissions.support.FieldGuide;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every example of the SDMX-CSV 2.0 field guide (../shared/standards/sdmx-csv), read from the guide at test
 * time and written as it shows them, with the suite's components in place of the guide's placeholders: the
 * dataflow of PI12.SDG_PROGRESS (a score, so the guide's 12.4 is a valid value; reported by Eurostat for any
 * area) for NA_MAIN, DIM_1 the area, DIM_2 the SDG target, DIM_3 the period, ATTR_1 the status (a text
 * attribute, in the multi-lingual and XHTML examples, the comment), ATTR_3 the comment; ATTR_2, UPDATED and the
 * guide's other components have no counterpart and stay as written. Each is accepted, or refused as the
 * submissions-service README documents; never a 5xx.
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class SdmxCsvFieldGuideTest {

    private static final String SDMX = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static final Map<String, String> EXAMPLES = FieldGuide.examples();

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, String> terms(String attribute1) {
        Map<String, String> terms = new HashMap<>(Map.of("DIM_1", "REF_AREA", "DIM_2", "SDG_TARGET", "DIM_3",
                "TIME_PERIOD", "OBS_VALUE1", "OBS_VALUE", "MEAS_1", "OBS_VALUE", "ATTR_1", attribute1,
                "ATTR_3", "OBS_COMMENT"));
        // example 9-B: three structures with components of their own
        terms.putAll(Map.of("DIM_A1B1", "REF_AREA", "DIM_A2", "SDG_TARGET", "DIM_A3C2", "TIME_PERIOD",
                "DIM_B2", "SEX", "DIM_C1", "AGE", "DIM_C3", "MEDICATION", "MEAS_A1B1C1", "OBS_VALUE",
                "ATTR_A1", "OBS_COMMENT", "ATTR_B1", "OBS_STATUS"));
        return terms;
    }

    private static final Map<String, UnaryOperator<String>> CELLS = Map.of(
            "STRUCTURE_ID", SdmxCsvFieldGuideTest::structure,
            "REF_AREA", map(Map.of("A", "AT", "DIMVAL_A1B1", "AT")),
            "SDG_TARGET", map(Map.of("B", "SDG_3_3", "A", "SDG_3", "DIMVAL_A2", "SDG_3")),
            "TIME_PERIOD", map(Map.of("2014-01", "2016", "2014-02", "2017", "2014-03", "2018",
                    "2014-01-01", "2016-01-01", "2014-02-01", "2017-01-01", "DIMVAL_A3C2", "2016")),
            "OBS_STATUS", map(Map.of("N", "N", "Y", "P", "X", "E", "ATTRVAL_B1", "A")),
            "SEX", map(Map.of("DIMVAL_B2", "M")),
            "OBS_VALUE", map(Map.of("MEASVAL_A1B1C1", "12.4")));

    private static UnaryOperator<String> map(Map<String, String> values) {
        return cell -> values.getOrDefault(cell, cell);
    }

    /** The guide's artefacts, as the suite's: NA_MAIN and the DF_ ones are PI12's dataflow, DSD_B another measure's. */
    private static String structure(String id) {
        return id.replaceFirst("^(ESTAT|AGENCY):", "DRUGS_PLAN:")
                .replaceFirst(":(DF_NA_MAIN|NA_MAIN|DF_ID|DF_A)(?=\\(|$)", ":PI12_SDG_PROGRESS")
                .replaceFirst(":DSD_NA_MAIN", ":DSD_PI12_SDG_PROGRESS")
                .replaceFirst(":DSD_B", ":DSD_PI09_HIV_NOTIFICATIONS_PWID")
                .replaceFirst(":DPA_[A-Z_]+", ":DPA_PI12_SDG_PROGRESS");
    }

    private static String example(String number) {
        return example(number, "OBS_STATUS");
    }

    private static String example(String number, String attribute1) {
        String guide = EXAMPLES.get(number);
        assertThat(guide).as("example %s of the field guide", number).isNotNull();
        char separator = guide.startsWith("STRUCTURE[|];") ? ';' : ',';
        return FieldGuide.rewrite(guide, separator, terms(attribute1), CELLS);
    }

    private static ValidatableResponse post(String body) {
        return post(body, SDMX);
    }

    private static ValidatableResponse post(String body, String type) {
        return given().auth().oauth2(Tokens.forReporter("EUROSTAT", "submitter"))
                .contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions").then();
    }

    @Test
    void the_guide_has_the_examples_this_test_covers() {
        assertThat(EXAMPLES).containsKeys("1", "2", "3", "4", "5", "6", "7", "8", "9-A", "9-B", "10", "11", "12",
                "13", "14", "15", "16", "17", "18", "19", "19-or");
    }

    @Test
    void example_1_custom_columns_are_ignored_and_named_in_the_notes() {
        String id = post(example("1")).statusCode(201)
                .body("received", equalTo(2)).body("accepted", equalTo(2)).body("rejected", equalTo(0))
                .body("notes", hasSize(2))
                .body("notes[0]", containsString("'ATTR_2'")).body("notes[1]", containsString("'UPDATED'"))
                .extract().path("id");
        // the notes are the submission's: the status resource shows them too
        given().auth().oauth2(Tokens.forReporter("EUROSTAT", "submitter")).get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("notes", hasSize(2));
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e where payload like ? and payload like ?",
                "%" + id + "%", "%\"comment\":\"Normal, special and other values\"%")).isEqualTo(1);
    }

    @Test
    void examples_2_and_7_multi_valued_columns_of_single_valued_components_are_a_400() {
        post(example("2")).statusCode(400).body("detail", containsString("OBS_STATUS[]"));
        post(example("7")).statusCode(400).body("detail", containsString("OBS_STATUS[]"));
    }

    @Test
    void example_3_components_in_any_order_a_missing_one_and_the_series_key_column() {
        post(example("3")).statusCode(201).body("accepted", equalTo(2)).body("rejected", equalTo(0))
                .body("notes", hasSize(1)).body("notes[0]", containsString("'OBS_VALUE2'"));
    }

    @Test
    void example_4_labels_both_keys_both_and_the_french_locale_need_the_declared_decimal_comma() {
        String body = example("4");
        post(body).statusCode(400).body("type", containsString("csv-decimal-undeclared"));
        String id = post(body, SDMX + "; decimal=\",\"").statusCode(201)
                .body("accepted", equalTo(2)).body("rejected", equalTo(0)).extract().path("id");
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e where payload like ? and payload like ?",
                "%" + id + "%", "%\"value\":12.4%")).isEqualTo(1);
    }

    @Test
    void example_5_normalized_time_is_a_day_and_refused_for_an_annual_measure() {
        post(example("5")).statusCode(201).body("accepted", equalTo(0)).body("rejected", equalTo(2))
                .body("conflicts.code", everyItem(equalTo("PERIOD_FREQUENCY_MISMATCH")));
    }

    @Test
    void example_6_labels_name_columns_are_skipped() {
        post(example("6")).statusCode(201).body("accepted", equalTo(2)).body("rejected", equalTo(0))
                .body("notes", hasSize(1)).body("notes[0]", containsString("'ATTR_2'"));
    }

    @Test
    void example_8_a_multi_lingual_comment_keeps_the_english_text() {
        String id = post(example("8", "OBS_COMMENT")).statusCode(201).body("accepted", equalTo(2))
                .body("rejected", equalTo(0)).extract().path("id");
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e where payload like ? and payload like ?",
                "%" + id + "%", "%\"comment\":\"Value \\\\\"X\\\\\"\"%")).isEqualTo(1);
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e where payload like ? and payload like ?",
                "%" + id + "%", "%\"comment\":\"Any Value\"%")).isEqualTo(1);
    }

    @Test
    void example_9a_dataflow_and_datastructure_are_read_and_a_provision_agreement_is_refused() {
        post(example("9-A", "OBS_COMMENT")).statusCode(201).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("conflicts[0].row", equalTo("4")).body("conflicts[0].code", equalTo("STRUCTURE_UNSUPPORTED"));
    }

    @Test
    void example_9b_rows_of_different_structures_in_one_file() {
        post(example("9-B")).statusCode(201).body("received", equalTo(3)).body("accepted", equalTo(1))
                .body("rejected", equalTo(2))
                // the second structure is PI09's, which Eurostat does not report, and its row has no period
                .body("conflicts.findAll { it.row == '3' }.code", hasItem("REPORTER_NOT_ALLOWED_MEASURE"))
                .body("conflicts.findAll { it.row == '3' }.code", hasItem("PERIOD_INVALID"))
                .body("conflicts.findAll { it.row == '4' }.code", equalTo(java.util.List.of("STRUCTURE_UNSUPPORTED")))
                .body("notes[0]", containsString("'MEAS_C2'"));
    }

    @Test
    void example_10_append_merges_and_replace_replaces() {
        String id = post(example("10")).statusCode(201).body("accepted", equalTo(2)).extract().path("id");
        assertThat(Database.observationsOf(dataSource, id, "MERGE")).isEqualTo(1);
        assertThat(Database.observationsOf(dataSource, id, "REPLACE")).isEqualTo(1);
    }

    @Test
    void example_11_a_non_versioned_data_structure() {
        post(example("11")).statusCode(201).body("accepted", equalTo(2)).body("rejected", equalTo(0));
    }

    @Test
    void examples_12_14_18_and_19_without_area_or_period_columns_are_a_400() {
        for (String number : new String[] {"12", "14", "18", "19"}) {
            post(example(number)).statusCode(400).body("detail", containsString("partial key"));
        }
    }

    @Test
    void example_13_a_row_of_attributes_at_a_partial_key_is_rejected_and_the_observation_accepted() {
        post(example("13")).statusCode(201).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("conflicts.row", everyItem(equalTo("3")))
                .body("conflicts.code", hasItem("AREA_MISSING")).body("conflicts.code", hasItem("VALUE_MISSING"));
    }

    @Test
    void example_15_an_xhtml_comment_with_a_line_break() {
        String id = post(example("15", "OBS_COMMENT")).statusCode(201).body("accepted", equalTo(2))
                .extract().path("id");
        assertThat(Database.count(dataSource, "select count(*) from " + Database.EVENTS + " e where payload like ? and payload like ?",
                "%" + id + "%", "%with a line\\\\nbreak</p>%")).isEqualTo(1);
    }

    @Test
    void example_16_a_value_marked_with_a_dash_deletes_the_observation_an_attribute_alone_is_refused() {
        String id = post(example("16")).statusCode(201).body("deleted", equalTo(1)).body("rejected", equalTo(1))
                .body("conflicts[0].row", equalTo("3")).body("conflicts[0].code", equalTo("DELETE_ATTRIBUTE_UNSUPPORTED"))
                .extract().path("id");
        assertThat(Database.observationsOf(dataSource, id, "DELETE")).isEqualTo(1);
    }

    @Test
    void examples_17_and_19_deletes_with_wildcarded_dimensions_or_of_attributes_are_refused_row_by_row() {
        // its third row deletes an attribute only (ATTR_3, the comment), which is refused first
        post(example("17")).statusCode(201).body("deleted", equalTo(0)).body("rejected", equalTo(2))
                .body("conflicts.code", equalTo(java.util.List.of("DELETE_WILDCARD_UNSUPPORTED",
                        "DELETE_ATTRIBUTE_UNSUPPORTED")));
        post(example("19-or")).statusCode(201).body("deleted", equalTo(0)).body("rejected", equalTo(1))
                .body("conflicts[0].code", equalTo("DELETE_WILDCARD_UNSUPPORTED"));
    }

    @Test
    void the_measure_code_the_dataflow_id_and_its_urn_name_one_measure() {
        String header = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SDG_TARGET,TIME_PERIOD,OBS_VALUE\n";
        post(header
                + "dataflow,PI12.SDG_PROGRESS,I,AT,SDG_3,2016,1.5\n"
                + "dataflow,DRUGS_PLAN:PI12_SDG_PROGRESS(1.0),I,AT,SDG_3,2017,1.5\n"
                + "dataflow,urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=DRUGS_PLAN:PI12_SDG_PROGRESS(1.0),I,AT,SDG_3,2018,1.5\n"
                + "datastructure,DRUGS_PLAN:DSD_PI12_SDG_PROGRESS(1.0),I,AT,SDG_3,2019,1.5\n"
                + "dataflow,DRUGS_PLAN:PI12_SDG_PROGRES(1.0),I,AT,SDG_3,2020,1.5\n"
                + "series,DRUGS_PLAN:PI12_SDG_PROGRESS(1.0),I,AT,SDG_3,2021,1.5\n")
                .statusCode(201).body("accepted", equalTo(4)).body("rejected", equalTo(2))
                .body("conflicts[0].row", equalTo("6")).body("conflicts[0].code", equalTo("MEASURE_INVALID"))
                .body("conflicts[1].row", equalTo("7")).body("conflicts[1].code", equalTo("STRUCTURE_INVALID"));
    }
}
