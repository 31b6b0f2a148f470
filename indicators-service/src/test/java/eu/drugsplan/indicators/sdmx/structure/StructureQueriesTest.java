package eu.drugsplan.indicators.sdmx.structure;

import static eu.drugsplan.indicators.support.Observations.awaitData;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.testsupport.SdmxSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Structure queries of both SDMX APIs, every answer validated against the official schemas (SDMX-ML 2.1 XSDs,
 * SDMX-JSON 2.0.0 structure schema) of ../shared/standards.
 */
@QuarkusTest
class StructureQueriesTest {

    private static final String ML = "application/vnd.sdmx.structure+xml;version=2.1";
    private static final String JSON = "application/vnd.sdmx.structure+json;version=2.0.0";

    private static String ml(String path) {
        Response r = given().urlEncodingEnabled(false).accept(ML).get(path);
        assertThat(r.statusCode()).as(path + ": " + r.asString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/vnd.sdmx.structure+xml");
        String body = r.asString();
        assertThat(SdmxSchemas.xmlErrors(body)).as(path).isEmpty();
        return body;
    }

    private static JsonPath json(String path) {
        Response r = given().urlEncodingEnabled(false).accept(JSON).get(path);
        assertThat(r.statusCode()).as(path + ": " + r.asString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/vnd.sdmx.structure+json");
        assertThat(SdmxSchemas.structureJsonErrors(r.asString())).as(path).isEmpty();
        return r.jsonPath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sdmx/2.1/dataflow", "/sdmx/2.1/dataflow/all/all/latest", "/sdmx/2.1/dataflow/DRUGS_PLAN",
            "/sdmx/2.1/dataflow/all/all/latest/", "/sdmx/2.1/datastructure/all/all/latest?references=children",
            "/sdmx/2.1/dataflow/DRUGS_PLAN/PI09_DRUG_INDUCED_DEATHS/1.0?references=all&detail=referencepartial",
            "/sdmx/2.1/dataflow/DRUGS_PLAN/PI09_DRUG_INDUCED_DEATHS/latest?references=descendants",
            "/sdmx/2.1/codelist", "/sdmx/2.1/codelist/DRUGS_PLAN/CL_SEX/1.0/M+F", "/sdmx/2.1/conceptscheme",
            "/sdmx/2.1/agencyscheme", "/sdmx/2.1/structure/DRUGS_PLAN?detail=allstubs",
            "/sdmx/2.1/structure?detail=allcompletestubs", "/sdmx/2.1/datastructure?references=dataflow&detail=referencestubs",
            "/sdmx/2.1/codelist/all/CL_REF_AREA?references=parents"})
    void everySdmxMlAnswerIsValid(String path) {
        assertThat(ml(path)).contains("<message:Structure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sdmx/3.0/structure/dataflow", "/sdmx/3.0/structure/dataflow/*/*/~",
            "/sdmx/3.0/structure/dataflow/DRUGS_PLAN/PI09_DRUG_INDUCED_DEATHS/1.0.0?references=all&detail=referencepartial",
            "/sdmx/3.0/structure/datastructure/DRUGS_PLAN/*/1+.0.0?references=children",
            "/sdmx/3.0/structure/*/DRUGS_PLAN?detail=allstubs", "/sdmx/3.0/structure/codelist/DRUGS_PLAN/CL_SEX,CL_AGE",
            "/sdmx/3.0/structure/conceptscheme", "/sdmx/3.0/structure/agencyscheme",
            "/sdmx/2.1/dataflow/all/all/latest?references=all"})
    void everySdmxJsonAnswerIsValid(String path) {
        assertThat(json(path).getString("meta.sender.id")).isEqualTo("DRUGS_PLAN");
    }

    @Test
    void everyMeasureIsADataflowWithAValidIdAndItsDataStructure() {
        JsonPath measures = given().get("/api/v1/measures").jsonPath();
        List<String> codes = measures.getList("code");
        XmlPath flows = new XmlPath(ml("/sdmx/2.1/dataflow/all/all/latest"));
        List<String> ids = flows.getList("Structure.Structures.Dataflows.Dataflow.@id");
        assertThat(ids).hasSize(codes.size()).contains("PI09_DRUG_INDUCED_DEATHS").allMatch(id -> !id.contains("."));
        assertThat(flows.getString("Structure.Structures.Dataflows.Dataflow.find { it.@id == 'PI09_DRUG_INDUCED_DEATHS' }.Structure.Ref.@id"))
                .isEqualTo("DSD_PI09_DRUG_INDUCED_DEATHS");
    }

    @Test
    void theDataStructureHasTheKeyOrderOfTheDataApiThenTimeAndTheAttributes() {
        XmlPath dsd = new XmlPath(ml("/sdmx/2.1/datastructure/DRUGS_PLAN/DSD_PI07_PREVALENCE/1.0"));
        String list = "Structure.Structures.DataStructures.DataStructure.DataStructureComponents.";
        // PI07.PREVALENCE is keyed SUBSTANCE, RECALL_PERIOD, AGE, SEX in the catalogue (after REF_AREA)
        assertThat(dsd.getList(list + "DimensionList.Dimension.@id"))
                .containsExactly("REF_AREA", "SUBSTANCE", "RECALL_PERIOD", "AGE", "SEX");
        assertThat(dsd.getString(list + "DimensionList.TimeDimension.@id")).isEqualTo("TIME_PERIOD");
        assertThat(dsd.getList(list + "AttributeList.Attribute.@id"))
                .containsExactly("OBS_STATUS", "OBS_COMMENT", "UNIT_MEASURE", "UNIT_MULT");
        assertThat(dsd.getString(list + "MeasureList.PrimaryMeasure.@id")).isEqualTo("OBS_VALUE");
        // a count has whole values: DECIMALS is known
        XmlPath deaths = new XmlPath(ml("/sdmx/2.1/datastructure/DRUGS_PLAN/DSD_PI09_DRUG_INDUCED_DEATHS"));
        assertThat(deaths.getList(list + "AttributeList.Attribute.@id")).contains("DECIMALS");
        JsonPath j = json("/sdmx/3.0/structure/datastructure/DRUGS_PLAN/DSD_PI07_PREVALENCE/~");
        assertThat(j.getList("data.dataStructures[0].dataStructureComponents.dimensionList.dimensions.id"))
                .containsExactly("REF_AREA", "SUBSTANCE", "RECALL_PERIOD", "AGE", "SEX");
    }

    @Test
    void referencesChildrenBringTheCodeListsAndConceptsOfTheStructure() {
        XmlPath x = new XmlPath(ml("/sdmx/2.1/dataflow/DRUGS_PLAN/PI09_DRUG_INDUCED_DEATHS/latest?references=descendants"));
        assertThat(x.getList("Structure.Structures.Codelists.Codelist.@id"))
                .containsExactlyInAnyOrder("CL_REF_AREA", "CL_SEX", "CL_AGE", "CL_OBS_STATUS");
        assertThat(x.getList("Structure.Structures.DataStructures.DataStructure.@id")).containsExactly("DSD_PI09_DRUG_INDUCED_DEATHS");
        assertThat(x.getList("Structure.Structures.Concepts.ConceptScheme.@id")).containsExactly("CS_DRUGS_PLAN");
        XmlPath none = new XmlPath(ml("/sdmx/2.1/dataflow/DRUGS_PLAN/PI09_DRUG_INDUCED_DEATHS"));
        assertThat(none.getList("Structure.Structures.Codelists.Codelist.@id")).isEmpty();
        // parents of a code list: the structures that use it
        XmlPath parents = new XmlPath(ml("/sdmx/2.1/codelist/DRUGS_PLAN/CL_MEDICATION?references=parents"));
        assertThat(parents.getList("Structure.Structures.DataStructures.DataStructure.@id")).containsExactly("DSD_PI10_OST_CLIENTS");
    }

    @Test
    void anItemQueryGivesAPartialSchemeAndStubsHaveNoItems() {
        XmlPath x = new XmlPath(ml("/sdmx/2.1/codelist/DRUGS_PLAN/CL_SEX/latest/F"));
        assertThat(x.getList("Structure.Structures.Codelists.Codelist.Code.@id")).containsExactly("F");
        assertThat(x.getString("Structure.Structures.Codelists.Codelist.@isPartial")).isEqualTo("true");
        XmlPath stubs = new XmlPath(ml("/sdmx/2.1/codelist?detail=allstubs"));
        assertThat(stubs.getList("Structure.Structures.Codelists.Codelist.Code")).isEmpty();
        assertThat(stubs.getList("Structure.Structures.Codelists.Codelist.@id")).contains("CL_REF_AREA", "CL_SEX");
    }

    @Test
    void theContentConstraintAndReferencePartialFollowTheDataThatExists() {
        String area = uniqueArea();
        event("PI10.OST_CLIENTS", area, Map.of("MEDICATION", "METHADONE"), "2019", "120").send();
        event("PI10.OST_CLIENTS", area, Map.of("MEDICATION", "METHADONE"), "2021", "125").send();
        awaitData("PI10.OST_CLIENTS", area, body -> body.getList("series").size() == 1
                && body.getList("series[0].observations").size() == 2);

        XmlPath constraint = new XmlPath(ml("/sdmx/2.1/availableconstraint/PI10_OST_CLIENTS/" + area + "."));
        String region = "Structure.Structures.Constraints.ContentConstraint.CubeRegion.";
        assertThat(constraint.getList(region + "KeyValue.find { it.@id == 'REF_AREA' }.Value")).containsExactly(area);
        assertThat(constraint.getList(region + "KeyValue.find { it.@id == 'MEDICATION' }.Value")).containsExactly("METHADONE");
        assertThat(constraint.getString(region + "KeyValue.find { it.@id == 'TIME_PERIOD' }.TimeRange.StartPeriod")).isEqualTo("2019");
        assertThat(constraint.getString(region + "KeyValue.find { it.@id == 'TIME_PERIOD' }.TimeRange.EndPeriod")).isEqualTo("2021");

        JsonPath availability = json("/sdmx/3.0/availability/dataflow/DRUGS_PLAN/PI10_OST_CLIENTS/~/" + area + ".*");
        assertThat(availability.getList("data.dataConstraints[0].cubeRegions[0].keyValues.find { it.id == 'MEDICATION' }.values"))
                .containsExactly("METHADONE");

        // the dataflow's constraint is its parent; with referencepartial the code lists hold only the codes with data
        XmlPath partial = new XmlPath(ml("/sdmx/2.1/dataflow/DRUGS_PLAN/PI10_OST_CLIENTS?references=all&detail=referencepartial"));
        assertThat(partial.getList("Structure.Structures.Constraints.ContentConstraint.@id")).containsExactly("CR_PI10_OST_CLIENTS");
        List<String> medications = partial.getList("Structure.Structures.Codelists.Codelist.find { it.@id == 'CL_MEDICATION' }.Code.@id");
        assertThat(medications).contains("METHADONE").doesNotContain("SROM");

        given().accept(ML).get("/sdmx/2.1/availableconstraint/PI10_OST_CLIENTS/NOWHERE.").then().statusCode(404);
    }

    @Test
    void contentNegotiationByAcceptVersionAndFormat() {
        // no Accept: SDMX-ML 2.1 on the 2.1 API, SDMX-JSON on the 3.0 API
        assertThat(given().get("/sdmx/2.1/agencyscheme").contentType()).startsWith("application/vnd.sdmx.structure+xml; version=2.1");
        assertThat(given().get("/sdmx/3.0/structure/agencyscheme").contentType()).startsWith("application/vnd.sdmx.structure+json; version=2.0.0");
        assertThat(given().accept("application/xml").get("/sdmx/2.1/agencyscheme").contentType()).contains("structure+xml");
        assertThat(given().queryParam("format", "sdmx-json").get("/sdmx/2.1/agencyscheme").contentType()).contains("structure+json");
        assertThat(given().accept("application/vnd.sdmx.structure+json;version=2.0.0;q=0.5, application/vnd.sdmx.structure+xml;version=2.1")
                .get("/sdmx/2.1/agencyscheme").contentType()).contains("structure+xml");
        // a version not written is a 406, as an SDMX error message
        Response old = given().accept("application/vnd.sdmx.structure+json;version=1.0.0").get("/sdmx/2.1/dataflow");
        assertThat(old.statusCode()).isEqualTo(406);
        assertThat(SdmxSchemas.structureJsonErrors(old.asString())).isEmpty();
        Response ml30 = given().accept("application/vnd.sdmx.structure+xml;version=3.0.0").get("/sdmx/3.0/structure/dataflow");
        assertThat(ml30.statusCode()).isEqualTo(406);
        assertThat(SdmxSchemas.xmlErrors(ml30.asString())).isEmpty();
        assertThat(given().queryParam("format", "csv").get("/sdmx/2.1/dataflow").statusCode()).isEqualTo(406);
    }

    /**
     * The Bank of Italy's connectors ask an SDMX 3.0 provider for dataflows and data structures with
     * {@code format=sdmx-2.1} and parse SDMX-ML 2.1; that name was a 406, so every one of their 3.0 calls stopped at
     * the first dataflow look-up (found by SdmxConnectorsThroughGatewayTest in e2e-tests).
     */
    @Test
    void formatSdmx21IsTheSdmxMl21StructureMessage() {
        Response flows = given().urlEncodingEnabled(false).accept("*/*")
                .get("/sdmx/3.0/structure/dataflow/all/all/latest?format=sdmx-2.1");
        assertThat(flows.statusCode()).as(flows.asString()).isEqualTo(200);
        assertThat(flows.contentType()).startsWith("application/vnd.sdmx.structure+xml; version=2.1");
        assertThat(SdmxSchemas.xmlErrors(flows.asString())).isEmpty();
        assertThat(flows.asString()).contains("id=\"PI09_DRUG_INDUCED_DEATHS\"");
        Response dsd = given().urlEncodingEnabled(false).accept("*/*")
                .get("/sdmx/3.0/structure/datastructure/DRUGS_PLAN/DSD_PI09_DRUG_INDUCED_DEATHS/1.0?format=sdmx-2.1&references=children");
        assertThat(dsd.statusCode()).as(dsd.asString()).isEqualTo(200);
        assertThat(SdmxSchemas.xmlErrors(dsd.asString())).isEmpty();
        assertThat(dsd.asString()).contains("<structure:Codelist", "id=\"DSD_PI09_DRUG_INDUCED_DEATHS\"");
    }

    @Test
    void queriesThatMatchNothingOrAreMalformedAreSdmxErrors() {
        Response missing = given().accept(ML).get("/sdmx/2.1/dataflow/DRUGS_PLAN/NO_SUCH_FLOW");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SdmxSchemas.xmlErrors(missing.asString())).isEmpty();
        assertThat(missing.asString()).contains("code=\"100\"");
        assertThat(given().accept(ML).get("/sdmx/2.1/dataflow/ECB").statusCode()).isEqualTo(404);
        assertThat(given().accept(ML).get("/sdmx/2.1/dataflow/DRUGS_PLAN/PI09_DRUG_INDUCED_DEATHS/2.0").statusCode()).isEqualTo(404);
        Response bad = given().accept(ML).queryParam("detail", "everything").get("/sdmx/2.1/dataflow");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("code=\"140\"");
        assertThat(given().accept(ML).queryParam("references", "uncles").get("/sdmx/2.1/dataflow").statusCode()).isEqualTo(400);
        assertThat(given().accept(ML).get("/sdmx/2.1/allowedconstraint").statusCode()).isEqualTo(404);
        assertThat(given().accept(ML).get("/sdmx/2.1/categoryscheme").statusCode()).isEqualTo(501);
    }
}
