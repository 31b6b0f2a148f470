package eu.drugsplan.submissions.rest;

import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.submissions.support.Releases;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import eu.drugsplan.testsupport.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class FormatsTest {

    static final String SDMX = "application/vnd.sdmx.data+csv;version=2.0.0";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_csv_with_the_documented_header_is_accepted_and_its_conflicts_name_the_line() {
        String csv = """
                measure,area,period,value,status,comment,action,SEX,AGE
                PI09.DRUG_INDUCED_DEATHS,AT,2019,120,,"checked, twice",,M,TOTAL
                PI09.DRUG_INDUCED_DEATHS,AT,2020,-3,,,,M,TOTAL
                PI01.DRUG_RELATED_HOMICIDES,AT,2020,4,P,,,,
                PI09.DRUG_INDUCED_DEATHS,AT,2018,,,,D,F,TOTAL
                PI09.DRUG_INDUCED_DEATHS,AT,2021
                """;
        String id = given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType("text/csv").body(csv)
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .body("received", equalTo(5)).body("accepted", equalTo(2)).body("deleted", equalTo(1))
                .body("rejected", equalTo(2)).body("conflicts", hasSize(2))
                .body("conflicts[0].row", equalTo("3")).body("conflicts[0].code", equalTo("VALUE_NEGATIVE"))
                .body("conflicts[1].row", equalTo("6")).body("conflicts[1].code", equalTo("ROW_MALFORMED"))
                .extract().path("id");

        assertThat(Database.observationsOf(dataSource, id)).isEqualTo(3);
        Releases.release(id);
        // three series, three events, on up to three partitions: wait for all of them, not the first to arrive
        var published = TopicProbe.await("observations.v1", r -> r.value().contains(id), 3, Duration.ofSeconds(20));
        assertThat(published).anySatisfy(r -> assertThat(r.value()).contains("\"comment\":\"checked, twice\"", "\"value\":120"));
    }

    @Test
    void an_sdmx_csv_maps_structure_id_to_the_measure_and_action_to_merge_replace_or_delete() {
        String csv = """
                STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,AGE,MEDICATION,TIME_PERIOD,OBS_VALUE,OBS_STATUS
                dataflow,EUDRUGS:PI09.DRUG_INDUCED_DEATHS(1.0),I,AT,F,TOTAL,,2020,31,A
                dataflow,PI09.DRUG_INDUCED_DEATHS,R,AT,F,TOTAL,,2021,33,P
                dataflow,EUDRUGS:PI10.OST_CLIENTS(1.0),M,AT,,,METHADONE,2020,8000,
                dataflow,EUDRUGS:PI10.OST_CLIENTS(1.0),D,AT,,,METHADONE,2019,,
                dataflow,EUDRUGS:PI10.OST_CLIENTS(1.0),X,AT,,,METHADONE,2018,1,
                """;
        String id = given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(SDMX).body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .body("received", equalTo(5)).body("accepted", equalTo(3)).body("deleted", equalTo(1))
                .body("rejected", equalTo(1)).body("conflicts[0].row", equalTo("6"))
                .body("conflicts[0].code", equalTo("ACTION_INVALID"))
                .extract().path("id");

        assertThat(Database.observationsOf(dataSource, id, "REPLACE")).isEqualTo(1);
        assertThat(Database.observationsOf(dataSource, id, "DELETE")).isEqualTo(1);
        assertThat(Database.observationsOf(dataSource, id, "MERGE")).isEqualTo(2);
    }

    @Test
    void an_sdmx_csv_header_with_labels_is_read_by_its_ids() {
        String csv = """
                STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA: Reference area,TIME_PERIOD: Time,OBS_VALUE: Value
                dataflow,EUDRUGS:PI01.DRUG_RELATED_HOMICIDES(1.0),I,AT,2021,7
                """;
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType(SDMX).body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(1));
    }

    @Test
    void a_csv_without_a_required_column_is_a_400_problem() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType("text/csv").body("measure,area,value\nPI01.DRUG_RELATED_HOMICIDES,AT,1\n")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("period"));
    }

    @Test
    void a_csv_with_an_unknown_lower_case_column_is_a_400_problem() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType("text/csv").body("measure,area,period,value,colour\nPI01.DRUG_RELATED_HOMICIDES,AT,2021,1,red\n")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("colour"));
    }

    @Test
    void an_unsupported_media_type_is_a_415_problem() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType("application/xml").body("<observations/>".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void an_sdmx_csv_of_another_version_is_a_415_problem() {
        given().auth().oauth2(Tokens.forReporter("AT", "submitter"))
                .contentType("application/vnd.sdmx.data+csv;version=1.0.0")
                .body("DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\nX,AT,2021,1\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
