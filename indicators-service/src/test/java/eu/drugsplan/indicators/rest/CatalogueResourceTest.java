package eu.drugsplan.indicators.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CatalogueResourceTest {

    @Test
    void the_catalogue_holds_the_twelve_indicators_of_annex_2_in_order() {
        List<String> codes = given().get("/api/v1/indicators").then().statusCode(200).extract().jsonPath().getList("code");
        assertThat(codes).containsExactly("PI01", "PI02", "PI03", "PI04", "PI05", "PI06", "PI07", "PI08", "PI09",
                "PI10", "PI11", "PI12");
    }

    @Test
    void every_indicator_has_its_annex_text_sources_priorities_actions_and_a_measure() {
        for (int i = 1; i <= 12; i++) {
            JsonPath indicator = given().get("/api/v1/indicators/PI%02d".formatted(i)).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(indicator.getString("annexText")).hasSizeGreaterThan(40);
            assertThat(indicator.getList("dataSources")).isNotEmpty();
            assertThat(indicator.getList("strategicPriorities")).isNotEmpty();
            assertThat(indicator.getList("actions")).isNotEmpty();
            assertThat(indicator.getList("measures")).isNotEmpty();
        }
    }

    @Test
    void the_waste_water_indicator_quotes_annex_2() {
        given().get("/api/v1/indicators/PI02").then().statusCode(200)
                .body("annexText", containsString("waste"));
    }

    @ParameterizedTest(name = "{0} is in {1} with dimensions [{2}], desired {3}")
    @CsvSource(delimiter = ';', value = {
            "PI01.DRUG_RELATED_HOMICIDES;COUNT;;DOWN",
            "PI02.WASTEWATER_LOAD;LOAD;SUBSTANCE,STAT;DOWN",
            "PI03.FINANCIAL_INVESTIGATIONS;COUNT;;UP",
            "PI03.ASSETS_RECOVERED;AMOUNT;;UP",
            "PI04.SEIZURE_COUNT;COUNT;SUBSTANCE,SEIZURE_SIZE;NONE",
            "PI04.SEIZURE_QUANTITY;AMOUNT;SUBSTANCE,SEIZURE_SIZE;NONE",
            "PI05.NPS_NOTIFIED;COUNT;;NONE",
            "PI06.PERCEIVED_AVAILABILITY;PERCENT;SUBSTANCE,AGE,SEX;DOWN",
            "PI07.PREVALENCE;PERCENT;SUBSTANCE,RECALL_PERIOD,AGE,SEX;DOWN",
            "PI08.MEAN_AGE_FIRST_USE;YEARS;SUBSTANCE,SEX;UP",
            "PI09.DRUG_INDUCED_DEATHS;COUNT;SEX,AGE;DOWN",
            "PI10.OST_CLIENTS;COUNT;MEDICATION;UP",
            "PI11.PRISON_DRUG_STRATEGY;BINARY;;UP",
            "PI12.SDG_PROGRESS;SCORE;SDG_TARGET;UP",
            "PI01.DRUG_LAW_OFFENCES;COUNT;;NONE",
            "PI01.DRUG_LAW_OFFENCES_BY_DRUG;COUNT;SUBSTANCE,OFFENCE_TYPE;NONE",
            "PI01.OCG_PARTICIPATION_OFFENCES;COUNT;;NONE",
            "PI01.INTENTIONAL_HOMICIDES;COUNT;;DOWN",
            "PI03.MONEY_LAUNDERING_OFFENCES;COUNT;;NONE",
            "PI09.DRUG_DEPENDENCE_DEATHS;COUNT;SEX,AGE;DOWN"})
    void the_measures_focal_points_code_against_exist_with_these_codes(String code, String unitKind, String dimensions,
                                                                      String desired) {
        JsonPath measure = given().get("/api/v1/measures/" + code).then().statusCode(200).extract().jsonPath();
        assertThat(measure.getString("unitKind")).isEqualTo(unitKind);
        assertThat(measure.getList("dimensions", String.class))
                .containsExactlyElementsOf(dimensions == null ? List.of() : List.of(dimensions.split(",")));
        assertThat(measure.getString("desiredDirection")).isEqualTo(desired);
        assertThat(measure.getDouble("stableBandPercent")).isEqualTo(10.0);
    }

    /** Issue 18: the headline selection per measure ("-": every series is a headline series). */
    @ParameterizedTest(name = "{0}: headline {1}")
    @CsvSource(delimiter = ';', value = {
            "PI02.WASTEWATER_LOAD;STAT=DAILY_MEAN",
            "PI02.DRUG_EMERGENCIES;-",
            "PI04.SEIZURE_QUANTITY;SEIZURE_SIZE=TOTAL",
            "PI06.PERCEIVED_AVAILABILITY;AGE=TOTAL SEX=T",
            "PI07.PREVALENCE;AGE=Y15-64 RECALL_PERIOD=LAST_YEAR SEX=T",
            "PI09.DRUG_INDUCED_DEATHS;AGE=TOTAL SEX=T",
            "PI09.DRUG_DEPENDENCE_DEATHS;AGE=TOTAL SEX=T",
            "PI01.DRUG_LAW_OFFENCES_BY_DRUG;-",
            "PI10.OST_CLIENTS;MEDICATION=TOTAL",
            "PI12.SDG_PROGRESS;-",
            "PI01.DRUG_RELATED_HOMICIDES;-"
    })
    void every_measure_serves_its_headline_selection(String code, String headline) {
        Map<String, String> expected = new java.util.TreeMap<>();
        if (!headline.equals("-")) {
            for (String pair : headline.split(" ")) {
                expected.put(pair.split("=")[0], pair.split("=")[1]);
            }
        }

        Map<String, String> served = given().get("/api/v1/measures/" + code).then().statusCode(200).extract()
                .jsonPath().getMap("headline", String.class, String.class);

        assertThat(served).isEqualTo(expected);
    }

    /** Issue 16: the plausibility checks V11 defines ("-": none), as the catalogue API serves them. */
    @ParameterizedTest(name = "{0}: year on year {1}, score {2}, consistency {3}")
    @CsvSource(delimiter = ';', value = {
            "PI01.DRUG_LAW_OFFENCES;0.5;3.5;-",
            "PI02.WASTEWATER_LOAD;1.0;3.5;-",
            "PI05.NPS_NOTIFIED;1.0;3.5;-",
            "PI07.PREVALENCE;0.5;3.5;-",
            "PI08.MEAN_AGE_FIRST_USE;0.2;3.5;-",
            "PI09.DRUG_INDUCED_DEATHS;0.5;3.5;SEX T=F+M 0",
            "PI09.DRUG_DEPENDENCE_DEATHS;0.5;3.5;SEX T=F+M 0",
            "PI04.SEIZURE_QUANTITY;0.5;3.5;SEIZURE_SIZE TOTAL=LARGE+SMALL 0.005",
            "PI11.PRISON_DRUG_STRATEGY;-;-;-",
            "PI12.SDG_PROGRESS;-;-;-"
    })
    @SuppressWarnings("unchecked")
    void every_measure_serves_its_plausibility_checks(String code, String yearOnYear, String score, String consistency) {
        JsonPath measure = given().get("/api/v1/measures/" + code).then().statusCode(200).extract().jsonPath();

        assertThat(measure.getString("plausibility.yearOnYearChange")).isEqualTo(yearOnYear.equals("-") ? null
                : new java.math.BigDecimal(yearOnYear).stripTrailingZeros().toPlainString());
        assertThat(measure.getString("plausibility.robustScore")).isEqualTo(score.equals("-") ? null : score);
        assertThat(measure.getInt("plausibility.minimumHistory")).isEqualTo(8);
        List<Map<String, Object>> rules = measure.getList("plausibility.consistency");
        assertThat(rules.stream().map(r -> r.get("dimension") + " " + r.get("total") + "="
                + String.join("+", (List<String>) r.get("parts")) + " " + r.get("tolerance")).toList())
                .containsExactlyElementsOf(consistency.equals("-") ? List.of() : List.of(consistency));
    }

    /**
     * Issue 16, V15: who reviews and releases each measure's submissions (Annex 2's responsible body) and whether
     * that body's own submissions are official at once. Every measure of the catalogue is in this table.
     */
    private static final String REVIEWING_BODIES = """
            PI01.DRUG_RELATED_HOMICIDES;EUROPOL;false
            PI01.DRUG_OCGS;EUROPOL;false
            PI01.DRUG_LAW_OFFENCES;EUROPOL;false
            PI01.DRUG_LAW_OFFENCES_BY_DRUG;EUDA;false
            PI01.OCG_PARTICIPATION_OFFENCES;EUROPOL;false
            PI01.INTENTIONAL_HOMICIDES;EUROPOL;false
            PI02.WASTEWATER_LOAD;EUDA;true
            PI02.DRUG_EMERGENCIES;EUDA;false
            PI03.FINANCIAL_INVESTIGATIONS;EUROPOL;false
            PI03.ASSETS_RECOVERED;EUROPOL;false
            PI03.MONEY_LAUNDERING_OFFENCES;EUROPOL;false
            PI04.SEIZURE_COUNT;EUROPOL;false
            PI04.SEIZURE_QUANTITY;EUROPOL;false
            PI05.NPS_NOTIFIED;EUDA;true
            PI05.NPS_RISK_ASSESSMENTS;EUDA;true
            PI06.PERCEIVED_AVAILABILITY;COM;true
            PI06.PERCEIVED_INSECURITY;COM;true
            PI07.PREVALENCE;EUDA;false
            PI08.MEAN_AGE_FIRST_USE;EUDA;false
            PI09.DRUG_INDUCED_DEATHS;EUDA;false
            PI09.HIV_NOTIFICATIONS_PWID;EUDA;false
            PI09.HCV_PREVALENCE_PWID;EUDA;false
            PI09.DRUG_DEPENDENCE_DEATHS;EUDA;false
            PI10.OST_CLIENTS;EUDA;false
            PI10.OST_COVERAGE;EUDA;false
            PI10.NSP_SYRINGES;EUDA;false
            PI10.HCV_TESTING_COVERAGE;EUDA;false
            PI10.HCV_TREATMENT_COVERAGE;EUDA;false
            PI11.PRISON_DRUG_STRATEGY;COM;false
            PI12.SDG_PROGRESS;EUROSTAT;true
            """;

    @ParameterizedTest(name = "{0}: reviewed by {1}, released on submission {2}")
    @CsvSource(delimiter = ';', textBlock = REVIEWING_BODIES)
    void every_measure_serves_its_reviewing_body_and_whether_its_own_submissions_are_released_at_once(
            String code, String body, boolean releaseOnSubmission) {
        given().get("/api/v1/measures/" + code).then().statusCode(200)
                .body("reviewingBody", equalTo(body))
                .body("releaseOnSubmission", equalTo(releaseOnSubmission));
    }

    @Test
    void every_measure_has_a_reviewing_body_that_is_an_agency_and_the_table_above_names_them_all() {
        List<String> agencies = given().get("/api/v1/reporters").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'AGENCY' }.code", String.class);
        List<Map<String, Object>> measures = given().get("/api/v1/measures").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertThat(measures).allSatisfy(m -> {
            assertThat(m.get("reviewingBody")).as("reviewing body of " + m.get("code")).isIn(agencies.toArray());
            assertThat(m.get("releaseOnSubmission")).as("release on submission of " + m.get("code"))
                    .isInstanceOf(Boolean.class);
        });
        List<String> tabled = REVIEWING_BODIES.lines().map(l -> l.split(";")[0]).toList();
        assertThat(measures.stream().map(m -> (String) m.get("code")).toList())
                .containsExactlyInAnyOrderElementsOf(tabled);
        // the indicator view lists the same measure views
        given().get("/api/v1/indicators/PI12").then().statusCode(200)
                .body("measures[0].reviewingBody", equalTo("EUROSTAT"))
                .body("measures[0].releaseOnSubmission", equalTo(true));
    }

    @Test
    void every_measure_has_plausibility_checks() {
        List<Map<String, Object>> measures = given().get("/api/v1/measures").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(measures).allSatisfy(m -> assertThat(m.get("plausibility")).as("checks of " + m.get("code"))
                .isNotNull());
    }

    @Test
    void every_measure_names_the_source_and_definition_it_follows() {
        List<Map<String, Object>> measures = given().get("/api/v1/measures").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(measures).allSatisfy(m -> assertThat((String) m.get("source")).as("source of " + m.get("code"))
                .hasSizeGreaterThan(20));
    }

    @Test
    void the_proxies_and_the_cross_check_say_what_they_are_not() {
        given().get("/api/v1/measures/PI03.MONEY_LAUNDERING_OFFENCES").then().statusCode(200)
                .body("source", containsString("proxy for PI 3"))
                .body("reporters.agencies", equalTo(List.of("EUROSTAT")));
        given().get("/api/v1/measures/PI09.DRUG_DEPENDENCE_DEATHS").then().statusCode(200)
                .body("description", containsString("not a continuation of"))
                .body("source", containsString("Not the EMCDDA definition"));
        // the bulletin's "Number" of syringes reads as thousands (its footnotes), and the catalogue says so
        given().get("/api/v1/measures/PI10.NSP_SYRINGES").then().statusCode(200).body("unit", equalTo("thousand syringes"));
    }

    @Test
    void the_waste_water_load_is_reported_by_the_euda_only() {
        given().get("/api/v1/measures/PI02.WASTEWATER_LOAD").then().statusCode(200)
                .body("reporters.memberStates", equalTo(false))
                .body("reporters.agencies", equalTo(List.of("EUDA")));
    }

    @Test
    void ref_area_holds_the_eu_aggregate_the_member_states_with_el_for_greece_and_the_waste_water_sites() {
        JsonPath areas = given().get("/api/v1/codelists/REF_AREA").then().statusCode(200).extract().jsonPath();
        List<String> codes = areas.getList("codes.code");
        assertThat(codes).contains("EU27_2020", "AT", "EL", "NO", "TR", "AT001").doesNotContain("GR");
        List<Map<String, Object>> memberStates = areas.getList("codes.findAll { it.parent == 'EU27_2020' }");
        assertThat(memberStates).hasSize(27);
        assertThat(areas.getString("codes.find { it.code == 'AT001' }.parent")).isEqualTo("AT");
        assertThat(areas.getInt("codes.find { it.code == 'AT001' }.properties.population")).isEqualTo(425000);
    }

    @Test
    void the_sdmx_observation_status_codes_are_there() {
        given().get("/api/v1/codelists/OBS_STATUS").then().statusCode(200)
                .body("codes.code", org.hamcrest.Matchers.hasItems("A", "B", "E", "F", "P", "M", "L"));
    }

    @Test
    void the_reporters_are_the_member_states_the_reitox_partners_and_the_agencies() {
        JsonPath reporters = given().get("/api/v1/reporters").then().statusCode(200).extract().jsonPath();
        assertThat(reporters.getList("findAll { it.kind == 'MEMBER_STATE' }")).hasSize(27);
        assertThat(reporters.getList("code", String.class)).contains("NO", "TR", "EUDA", "EUROPOL", "EUROSTAT",
                "FRONTEX", "EUROJUST", "CEPOL", "EMA", "ECDC", "COM");
    }

    @Test
    void a_catalogue_answer_carries_an_etag_and_a_revalidation_gets_304() {
        String etag = given().get("/api/v1/measures/PI09.DRUG_INDUCED_DEATHS").then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get("/api/v1/measures/PI09.DRUG_INDUCED_DEATHS")
                .then().statusCode(304);
        given().header("If-None-Match", "\"catalogue-v0\"").get("/api/v1/measures/PI09.DRUG_INDUCED_DEATHS")
                .then().statusCode(200);
    }

    @Test
    void an_unknown_measure_is_a_404_problem() {
        given().get("/api/v1/measures/PI99.NOTHING").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void the_code_lists_are_listed_with_their_sizes() {
        given().get("/api/v1/codelists").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems("REF_AREA", "SUBSTANCE", "SEX", "AGE", "RECALL_PERIOD",
                        "SEIZURE_SIZE", "STAT", "MEDICATION", "OBS_STATUS", "SDG_TARGET"))
                .body("find { it.id == 'SEX' }.codes", equalTo(3));
    }
}
