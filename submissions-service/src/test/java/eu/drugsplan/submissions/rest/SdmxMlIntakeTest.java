package eu.drugsplan.submissions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import eu.drugsplan.submissions.support.CatalogueFixtureResource;
import eu.drugsplan.submissions.support.Database;
import eu.drugsplan.testsupport.JwtKeysResource;
import eu.drugsplan.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * SDMX-ML 2.1 StructureSpecificData through POST /api/v1/submissions: the same validation, rights and summary as
 * every other format (the reading itself is SdmxMlRowsTest's).
 */
@QuarkusTest
@WithTestResource(JwtKeysResource.class)
@WithTestResource(CatalogueFixtureResource.class)
class SdmxMlIntakeTest {

    static final String TYPE = "application/vnd.sdmx.structurespecificdata+xml";

    @Inject
    AgroalDataSource dataSource;

    static String message(String series) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<message:StructureSpecificData xmlns:message=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\""
                + " xmlns:common=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common\""
                + " xmlns:ss=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific\">"
                + "<message:Header><message:ID>X1</message:ID><message:Test>false</message:Test>"
                + "<message:Prepared>2026-12-03T10:00:00Z</message:Prepared><message:Sender id=\"FOCAL_POINT\"/>"
                + "<message:Structure structureID=\"DF\" dimensionAtObservation=\"TIME_PERIOD\"><common:StructureUsage>"
                + "<Ref agencyID=\"DRUGSPLAN\" id=\"PI09_DRUG_INDUCED_DEATHS\" version=\"1.0\"/></common:StructureUsage>"
                + "</message:Structure></message:Header>"
                + "<message:DataSet ss:structureRef=\"DF\" action=\"Replace\">" + series + "</message:DataSet>"
                + "</message:StructureSpecificData>";
    }

    @Test
    void an_agency_export_is_validated_and_stored_like_any_other_format() {
        String body = message("<Series FREQ=\"A\" REF_AREA=\"PL\" SEX=\"T\" AGE=\"TOTAL\">"
                + "<Obs TIME_PERIOD=\"2019\" OBS_VALUE=\"7\"/><Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"9\" OBS_COMMENT=\"revised\"/>"
                + "</Series><Series REF_AREA=\"DE\" SEX=\"T\" AGE=\"TOTAL\"><Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"1\"/></Series>"
                + "<Series REF_AREA=\"PL\" SEX=\"X\" AGE=\"TOTAL\"><Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"2\"/></Series>");

        String id = given().auth().oauth2(Tokens.forReporter("PL", "submitter")).contentType(TYPE + ";version=2.1")
                .body(body).post("/api/v1/submissions").then().statusCode(201)
                .body("received", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("conflicts.row", hasItem("/DataSet[1]/Series[2]/Obs[1]"))
                .body("conflicts.code", hasItem("REPORTER_NOT_ALLOWED_AREA"))
                .body("conflicts.row", hasItem("/DataSet[1]/Series[3]/Obs[1]"))
                .body("notes", hasItem(containsString("'FREQ'")))
                .extract().path("id");

        assertThat(Database.observations(dataSource, id)).containsExactlyInAnyOrder(
                "PL|2019|{\"AGE\": \"TOTAL\", \"SEX\": \"T\"}|7|null",
                "PL|2020|{\"AGE\": \"TOTAL\", \"SEX\": \"T\"}|9|revised");
    }

    @Test
    void a_message_refused_as_a_whole_stores_nothing_and_another_version_is_a_415() {
        long before = Database.count(dataSource, "select count(*) from submission");
        String truncated = message("<Series REF_AREA=\"PL\" SEX=\"T\" AGE=\"TOTAL\"><Obs TIME_PERIOD=\"2018\" OBS_VALUE=\"7\"/>");
        given().auth().oauth2(Tokens.forReporter("PL", "submitter")).contentType(TYPE).body(truncated.substring(0,
                        truncated.length() - 40))
                .post("/api/v1/submissions").then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-sdmx-ml")).body("detail", containsString("Nothing was stored"));
        given().auth().oauth2(Tokens.forReporter("PL", "submitter")).contentType(TYPE + ";version=3.0.0")
                .body(message("")).post("/api/v1/submissions").then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(Database.count(dataSource, "select count(*) from submission")).isEqualTo(before);
    }
}
