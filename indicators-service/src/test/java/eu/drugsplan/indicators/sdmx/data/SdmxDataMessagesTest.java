package eu.drugsplan.indicators.sdmx.data;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.drugsplan.testsupport.SdmxSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDMX data messages of the data API, each validated against the official schemas of ../shared/standards:
 * SDMX-JSON 2.0.0 with a JSON Schema validator, SDMX-ML 2.1 with the JDK's XML Schema validator.
 */
@QuarkusTest
class SdmxDataMessagesTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    private static final String SDMX_JSON = "application/vnd.sdmx.data+json;version=2.0.0";
    private static final Map<String, String> MALES = Map.of("SEX", "M", "AGE", "TOTAL");
    private static final Map<String, String> FEMALES = Map.of("SEX", "F", "AGE", "TOTAL");

    @Test
    void sdmx_json_current_data_is_valid_with_links_and_no_empty_values_list() {
        String area = twoSeries();

        String body = given().accept(SDMX_JSON).get(path(area)).then().statusCode(200).extract().asString();

        assertThat(SdmxSchemas.dataJsonErrors(body)).isEmpty();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getList("data.dataSets.action")).containsExactly("Information");
        assertThat(json.getString("data.dataSets[0].links[0].urn")).contains("Dataflow=");
        // the comment is not coded: written in place, no values list
        assertThat(json.getList("data.structures[0].attributes.observation.find { it.id == 'OBS_COMMENT' }.values")).isNull();
        // series in key order: females (0:0:0), then males (0:1:0), whose 2017 has the comment
        assertThat(json.getString("data.dataSets[0].series.'0:1:0'.observations.'1'[2]")).isEqualTo("revised, see note");
    }

    @Test
    void an_empty_sdmx_json_answer_is_valid() {
        String body = given().accept(SDMX_JSON).get(path(uniqueArea())).then().statusCode(200).extract().asString();

        assertThat(SdmxSchemas.dataJsonErrors(body)).isEmpty();
        assertThat(JsonPath.from(body).getList("data.dataSets")).isEmpty();
    }

    @Test
    void deletions_after_updated_after_are_a_delete_data_set_in_sdmx_json_and_sdmx_ml() {
        String area = twoSeries();
        Instant before = Instant.now();
        event(DEATHS, area, MALES, "2018", "130").send();
        event(DEATHS, area, FEMALES, "2017", null).deleting().send();
        awaitVersions(DEATHS, area, 6);

        String json = given().accept(SDMX_JSON).queryParam("updatedAfter", before.toString()).get(path(area))
                .then().statusCode(200).extract().asString();
        assertThat(SdmxSchemas.dataJsonErrors(json)).isEmpty();
        JsonPath data = JsonPath.from(json);
        assertThat(data.getList("data.dataSets.action")).containsExactly("Replace", "Delete");
        assertThat(data.getMap("data.dataSets[0].series")).hasSize(1);
        assertThat(data.getMap("data.dataSets[1].series")).hasSize(1);

        String xml = given().accept("application/vnd.sdmx.genericdata+xml;version=2.1")
                .queryParam("updatedAfter", before.toString()).get(path(area)).then().statusCode(200).extract().asString();
        assertThat(SdmxSchemas.xmlErrors(xml)).isEmpty();
        XmlPath generic = XmlPath.from(xml);
        assertThat(generic.getList("GenericData.DataSet.@action")).containsExactly("Replace", "Delete");
        assertThat(generic.getString("GenericData.DataSet[1].Series.Obs.ObsDimension.@value")).isEqualTo("2017");
        assertThat(generic.getString("GenericData.DataSet[1].Series.Obs.ObsValue.@value")).isNull();
    }

    @Test
    void include_history_is_one_data_set_per_dissemination_with_its_validity() {
        String area = uniqueArea();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        event(DEATHS, area, MALES, "2016", "120").inSubmission(first).send();
        event(DEATHS, area, MALES, "2017", "125").inSubmission(first).send();
        awaitVersions(DEATHS, area, 2);
        event(DEATHS, area, MALES, "2017", "126").inSubmission(second).send();
        event(DEATHS, area, MALES, "2016", null).inSubmission(second).deleting().send();
        awaitVersions(DEATHS, area, 4);

        String json = given().accept(SDMX_JSON).queryParam("includeHistory", true).get(path(area))
                .then().statusCode(200).extract().asString();

        assertThat(SdmxSchemas.dataJsonErrors(json)).isEmpty();
        JsonPath data = JsonPath.from(json);
        assertThat(data.getList("data.dataSets.action")).containsExactly("Replace", "Replace", "Delete");
        Instant firstFrom = Instant.parse(data.getString("data.dataSets[0].validFrom"));
        Instant firstTo = Instant.parse(data.getString("data.dataSets[0].validTo"));
        assertThat(firstTo).isAfter(firstFrom);
        assertThat(Instant.parse(data.getString("data.dataSets[1].validFrom"))).isAfterOrEqualTo(firstTo);
        assertThat(data.getString("data.dataSets[1].validTo")).isNull();
        assertThat(data.getMap("data.dataSets[0].series.'0:0:0'.observations")).hasSize(2);

        String xml = given().accept("application/vnd.sdmx.structurespecificdata+xml;version=2.1")
                .queryParam("includeHistory", true).get(path(area)).then().statusCode(200).extract().asString();
        assertThat(SdmxSchemas.xmlErrors(xml, structureSchema(xml))).isEmpty();
        // the data set attributes are qualified (ss:action), which GPath does not address: read them as text
        assertThat(java.util.regex.Pattern.compile("ss:action=\"(\\w+)\"").matcher(xml).results()
                .map(m -> m.group(1)).toList()).containsExactly("Replace", "Replace", "Delete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"genericdata", "structurespecificdata", "generictimeseriesdata",
            "structurespecifictimeseriesdata"})
    void every_sdmx_ml_data_message_validates_and_carries_the_values(String format) {
        String area = twoSeries();

        String xml = given().accept("application/vnd.sdmx." + format + "+xml;version=2.1").get(path(area))
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/vnd.sdmx." + format))
                .extract().asString();

        assertThat(format.startsWith("generic") ? SdmxSchemas.xmlErrors(xml)
                : SdmxSchemas.xmlErrors(xml, structureSchema(xml))).isEmpty();
        XmlPath message = XmlPath.from(xml);
        if (format.startsWith("generic")) {
            assertThat(message.getList("**.findAll { it.name() == 'ObsValue' }.@value"))
                    .containsExactly("110", "112", "120", "125");
        } else {
            assertThat(message.getList("**.findAll { it.name() == 'Obs' }.@OBS_VALUE"))
                    .containsExactly("110", "112", "120", "125");
            assertThat(message.getList("**.findAll { it.name() == 'Series' }.@SEX")).containsExactly("F", "M");
        }
    }

    @Test
    void plain_xml_stays_not_acceptable_on_the_suites_own_data_api() {
        // SDMX REST answers application/xml with GenericData (SdmxDataQueriesTest); /api/v1 names its formats
        given().accept("application/xml").get(path(twoSeries())).then().statusCode(406);
    }

    @ParameterizedTest(name = "Accept {0} -> 406")
    @ValueSource(strings = {"application/vnd.sdmx.data+csv;version=1.0.0", "application/vnd.sdmx.data+json;version=1.0.0",
            "application/vnd.sdmx.data+json;version=2.1.0", "application/vnd.sdmx.genericdata+xml;version=3.0",
            "application/vnd.sdmx.data+csv;version=2.0.0;labels=fr", "application/vnd.sdmx.data+csv;version=2.0.0;keys=all",
            "application/vnd.sdmx.data+csv;version=2.0.0;timeFormat=iso"})
    void a_version_or_option_not_written_is_406(String accept) {
        given().accept(accept).get(path(uniqueArea())).then().statusCode(406).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {"application/vnd.sdmx.data+csv;version=2.0.0", "application/vnd.sdmx.data+csv;version=2.0",
            "application/vnd.sdmx.data+csv;version=2.0.0+", "application/vnd.sdmx.data+csv;version=1+.0.0",
            "application/vnd.sdmx.data+csv"})
    void the_version_written_or_a_range_that_includes_it_is_answered(String accept) {
        given().accept(accept).get(path(uniqueArea())).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.sdmx.data+csv"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "labels=id|STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_COMMENT"
                    + "|dataflow,@FLOW@,I,@AREA@,F,TOTAL,2016,110,A,",
            "labels=both|STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA: @REF_AREA@,SEX: @SEX@,AGE: @AGE@,TIME_PERIOD: Time period,"
                    + "OBS_VALUE: Observation value,OBS_STATUS: @OBS_STATUS@,OBS_COMMENT: Comment"
                    + "|dataflow,@FLOW@: @NAME@,I,@AREA@: @AREA@,F: @F@,TOTAL: @TOTAL@,2016,110,A: @A@,",
            "labels=name|STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,@REF_AREA@,SEX,@SEX@,AGE,@AGE@,TIME_PERIOD,"
                    + "Time period,OBS_VALUE,Observation value,OBS_STATUS,@OBS_STATUS@,OBS_COMMENT,Comment"
                    + "|dataflow,@FLOW@,@NAME@,I,@AREA@,@AREA@,F,@F@,TOTAL,@TOTAL@,2016,2016,110,,A,@A@,,",
            "keys=both|STRUCTURE,STRUCTURE_ID,ACTION,SERIES_KEY,OBS_KEY,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_COMMENT"
                    + "|dataflow,@FLOW@,I,@AREA@.F.TOTAL,@AREA@.F.TOTAL.2016,@AREA@,F,TOTAL,2016,110,A,",
            "key=series|STRUCTURE,STRUCTURE_ID,ACTION,SERIES_KEY,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_COMMENT"
                    + "|dataflow,@FLOW@,I,@AREA@.F.TOTAL,@AREA@,F,TOTAL,2016,110,A,",
            "timeFormat=normalized|STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,AGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_COMMENT"
                    + "|dataflow,@FLOW@,I,@AREA@,F,TOTAL,2016-01-01,110,A,"})
    void sdmx_csv_options_of_the_field_guide(String option, String header, String firstRow) {
        String area = twoSeries();
        String flow = csv(given().accept("application/vnd.sdmx.data+csv;version=2.0.0").get(path(area)).then()
                .extract().asString()).get(1).getField(1);

        List<CsvRecord> rows = csv(given().accept("application/vnd.sdmx.data+csv;version=2.0.0;" + option)
                .get(path(area)).then().statusCode(200).extract().asString());

        // the names come from the catalogue's own resources
        assertThat(String.join(",", rows.get(0).getFields())).isEqualTo(names(header));
        assertThat(String.join(",", rows.get(1).getFields()))
                .isEqualTo(names(firstRow.replace("@AREA@", area).replace("@FLOW@", flow)));
    }

    private static String names(String template) {
        JsonPath measure = given().get("/api/v1/measures/" + DEATHS).jsonPath();
        String text = template.replace("@NAME@", measure.getString("name"));
        for (String codelist : List.of("REF_AREA", "SEX", "AGE", "OBS_STATUS")) {
            JsonPath list = given().get("/api/v1/codelists/" + codelist).jsonPath();
            text = text.replace("@" + codelist + "@", list.getString("name"));
        }
        return text.replace("@F@", code("SEX", "F")).replace("@TOTAL@", code("AGE", "TOTAL"))
                .replace("@A@", code("OBS_STATUS", "A"));
    }

    private static String code(String codelist, String code) {
        return given().get("/api/v1/codelists/" + codelist).jsonPath()
                .getString("codes.find { it.code == '" + code + "' }.label");
    }

    /** The structure's own schema, for the namespace the message declares in its header. */
    private static String structureSchema(String xml) {
        String namespace = XmlPath.from(xml).getString("**.find { it.name() == 'Structure' }.@namespace");
        String atObservation = namespace.substring(namespace.lastIndexOf(':') + 1);
        return StructureSpecificSchema.of(namespace, List.of("REF_AREA", "SEX", "AGE"), atObservation,
                SdmxSchemas.standards().resolve("sdmx-ml-2.1").toUri().toString());
    }

    /** Two series of deaths: females 2016-2017, males 2016-2017 (males 2017 with a comment). */
    private static String twoSeries() {
        String area = uniqueArea();
        event(DEATHS, area, FEMALES, "2016", "110").send();
        event(DEATHS, area, FEMALES, "2017", "112").send();
        event(DEATHS, area, MALES, "2016", "120").send();
        event(DEATHS, area, MALES, "2017", "125").withComment("revised, see note").send();
        awaitVersions(DEATHS, area, 4);
        return area;
    }

    private static String path(String area) {
        return "/api/v1/data/" + DEATHS + "/" + area + "..";
    }

    private static List<CsvRecord> csv(String text) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            return reader.stream().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
