package eu.drugsplan.indicators.sdmx.data;

import static eu.drugsplan.indicators.support.Observations.awaitVersions;
import static eu.drugsplan.indicators.support.Observations.event;
import static eu.drugsplan.indicators.support.Observations.uniqueArea;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.testsupport.SdmxSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SDMX REST data queries of 1.5.0 (/sdmx/2.1) and 2.x (/sdmx/3.0), table-driven, answers schema-validated. */
@QuarkusTest
class SdmxDataQueriesTest {

    private static final String DEATHS = "PI09.DRUG_INDUCED_DEATHS";
    private static final String FLOW = "PI09_DRUG_INDUCED_DEATHS";
    private static final String SDMX_JSON = "application/vnd.sdmx.data+json;version=2.0.0";
    private static String area;

    /** Three series: M/TOTAL 2015-2017, F/TOTAL 2016-2017, T/Y15-19 2017. */
    private static synchronized String area() {
        if (area == null) {
            area = uniqueArea();
            Map<String, String> males = Map.of("SEX", "M", "AGE", "TOTAL");
            event(DEATHS, area, males, "2015", "118").send();
            event(DEATHS, area, males, "2016", "120").send();
            event(DEATHS, area, males, "2017", "125").send();
            event(DEATHS, area, Map.of("SEX", "F", "AGE", "TOTAL"), "2016", "110").send();
            event(DEATHS, area, Map.of("SEX", "F", "AGE", "TOTAL"), "2017", "112").send();
            event(DEATHS, area, Map.of("SEX", "T", "AGE", "Y15-19"), "2017", "9").send();
            awaitVersions(DEATHS, area, 6);
        }
        return area;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2.1/data/" + FLOW + "/@A@..|6",
            "2.1/data/DRUGS_PLAN," + FLOW + ",1.0/@A@../all|6",
            "2.1/data/DRUGS_PLAN," + FLOW + ",latest/@A@.M+F.TOTAL/DRUGS_PLAN|5",
            "2.1/data/" + FLOW + "/@A@.F.|2",
            "2.1/data/" + FLOW + "/@A@.*.Y15-19|1",
            "2.1/data/" + FLOW + "/@A@..?startPeriod=2017-Q1|3",
            "2.1/data/" + FLOW + "/@A@..?endPeriod=2016-01|3",
            "2.1/data/" + FLOW + "/@A@..?lastNObservations=1|3",
            "2.1/data/" + FLOW + "/@A@..?firstNObservations=1|3",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/@A@.*.*|6",
            "3.0/data/dataflow/*/" + FLOW + "/~/@A@.M,F.TOTAL|5",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/*/*?c[REF_AREA]=@A@&c[SEX]=T|1",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/@A@..?c[TIME_PERIOD]=ge:2016-07+le:2016-12|2",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/@A@..?lastNObservations=2|5"})
    void queries_select_the_observations_and_answers_validate(String query, int observations) {
        String body = given().accept(SDMX_JSON).get("/sdmx/" + query.replace("@A@", area())).then().statusCode(200)
                .extract().asString();

        assertThat(SdmxSchemas.dataJsonErrors(body)).isEmpty();
        JsonPath json = JsonPath.from(body);
        Map<String, Map<String, Object>> series = json.getMap("data.dataSets[0].series");
        int count = series.values().stream().mapToInt(s -> ((Map<?, ?>) s.get("observations")).size()).sum();
        assertThat(count).isEqualTo(observations);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2.1/data/" + FLOW + "/ZZ..|404",
            "2.1/data/NO_SUCH_FLOW/all|404",
            "2.1/data/OTHER," + FLOW + "/all|404",
            "2.1/data/" + FLOW + "/@A@..?startPeriod=2030|404",
            "2.1/data/" + FLOW + "/@A@.M|400",
            "2.1/data/" + FLOW + "/@A@..?detail=everything|400",
            "2.1/data/" + FLOW + "/@A@..?dimensionAtObservation=SEX&format=genericdata|200",
            // the time-series forms have TIME_PERIOD at observation by definition
            "2.1/data/" + FLOW + "/@A@..?dimensionAtObservation=SEX&format=generictimeseriesdata|400",
            "2.1/data/" + FLOW + "/@A@..?dimensionAtObservation=NOPE|400",
            "2.1/data/" + FLOW + "/@A@..?unknown=1|400",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/ZZ..|204",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/@A@..?c[SEX]=ne:M|501",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/2.0.0/@A@..|404",
            // 1.5.0's detail on 2.x (the Bank of Italy's connectors send it), but not together with 2.x's own way
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/@A@..?detail=serieskeysonly|200",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/@A@..?detail=serieskeysonly&measures=none|400",
            "3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/@A@..?detail=everything|400"})
    void statuses_as_the_specifications_prescribe(String query, int status) {
        given().accept(SDMX_JSON).get("/sdmx/" + query.replace("@A@", area())).then().statusCode(status);
    }

    @ParameterizedTest(name = "detail={0}")
    @CsvSource({"full,3,true", "dataonly,3,false", "serieskeysonly,0,false", "nodata,0,true"})
    void detail_leaves_out_observations_or_attributes(String detail, int males, boolean attributes) {
        String xml = given().accept("application/vnd.sdmx.genericdata+xml;version=2.1").queryParam("detail", detail)
                .get("/sdmx/2.1/data/" + FLOW + "/" + area() + ".M.").then().statusCode(200).extract().asString();

        assertThat(SdmxSchemas.xmlErrors(xml)).isEmpty();
        XmlPath message = XmlPath.from(xml);
        assertThat(message.getInt("GenericData.DataSet.Series.size()")).isEqualTo(1);
        assertThat(message.getInt("GenericData.DataSet.Series.Obs.size()")).isEqualTo(males);
        String json = given().accept(SDMX_JSON).queryParam("detail", detail)
                .get("/sdmx/2.1/data/" + FLOW + "/" + area() + ".M.").then().statusCode(200).extract().asString();
        assertThat(SdmxSchemas.dataJsonErrors(json)).isEmpty();
        assertThat(JsonPath.from(json).getList("data.structures[0].attributes.observation")).matches(
                list -> attributes && detail.equals("full") ? list.size() == 2 : list == null);
    }

    /** Series keys only on the 2.x API by 1.5.0's detail, as the Bank of Italy's connectors ask for them there. */
    @Test
    void detail_series_keys_only_on_the_3_0_api_is_measures_and_attributes_none() {
        String json = given().accept(SDMX_JSON).queryParam("detail", "serieskeysonly")
                .get("/sdmx/3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/" + area() + ".M.").then().statusCode(200)
                .extract().asString();
        assertThat(SdmxSchemas.dataJsonErrors(json)).isEmpty();
        Map<String, Map<String, Object>> series = JsonPath.from(json).getMap("data.dataSets[0].series");
        assertThat(series).hasSize(1);
        assertThat(series.values().iterator().next().get("observations")).isNull();
    }

    @Test
    void all_dimensions_at_observation_is_a_flat_message() {
        String xml = given().accept("application/vnd.sdmx.genericdata+xml;version=2.1")
                .queryParam("dimensionAtObservation", "AllDimensions")
                .get("/sdmx/2.1/data/" + FLOW + "/" + area() + "..").then().statusCode(200).extract().asString();
        assertThat(SdmxSchemas.xmlErrors(xml)).isEmpty();
        assertThat(XmlPath.from(xml).getInt("GenericData.DataSet.Obs.size()")).isEqualTo(6);

        String ss = given().accept("application/vnd.sdmx.structurespecificdata+xml;version=2.1")
                .queryParam("dimensionAtObservation", "AllDimensions")
                .get("/sdmx/2.1/data/" + FLOW + "/" + area() + "..").then().statusCode(200).extract().asString();
        String namespace = XmlPath.from(ss).getString("**.find { it.name() == 'Structure' }.@namespace");
        assertThat(namespace).endsWith(":ObsLevelDim:AllDimensions");
        assertThat(SdmxSchemas.xmlErrors(ss, StructureSpecificSchema.of(namespace, List.of("REF_AREA", "SEX", "AGE"),
                "AllDimensions", SdmxSchemas.standards().resolve("sdmx-ml-2.1").toUri().toString()))).isEmpty();

        String json = given().accept(SDMX_JSON).queryParam("dimensionAtObservation", "AllDimensions")
                .get("/sdmx/2.1/data/" + FLOW + "/" + area() + "..").then().statusCode(200).extract().asString();
        assertThat(SdmxSchemas.dataJsonErrors(json)).isEmpty();
        assertThat(JsonPath.from(json).getMap("data.dataSets[0].observations")).hasSize(6);
        assertThat(JsonPath.from(json).getList("data.structures[0].dimensions.observation.id"))
                .containsExactly("REF_AREA", "SEX", "AGE", "TIME_PERIOD");
    }

    /** Whatever dimension is at observation, the answer holds the same six observations, each once. */
    @ParameterizedTest(name = "dimensionAtObservation={0}")
    @CsvSource({"TIME_PERIOD,3", "AllDimensions,0", "REF_AREA,6", "SEX,4", "AGE,6"})
    void every_dimension_at_observation_carries_every_observation(String at, int seriesCount) {
        String path = "/sdmx/2.1/data/" + FLOW + "/" + area() + "..";
        String xml = given().accept("application/vnd.sdmx.genericdata+xml;version=2.1")
                .queryParam("dimensionAtObservation", at).get(path).then().statusCode(200).extract().asString();
        assertThat(SdmxSchemas.xmlErrors(xml)).isEmpty();
        XmlPath generic = XmlPath.from(xml);
        assertThat(generic.getInt("GenericData.DataSet.Series.size()")).isEqualTo(seriesCount);
        assertThat(generic.getInt("**.findAll { it.name() == 'Obs' }.size()")).isEqualTo(6);

        String ss = given().accept("application/vnd.sdmx.structurespecificdata+xml;version=2.1")
                .queryParam("dimensionAtObservation", at).get(path).then().statusCode(200).extract().asString();
        String namespace = XmlPath.from(ss).getString("**.find { it.name() == 'Structure' }.@namespace");
        assertThat(namespace).endsWith(":ObsLevelDim:" + at);
        assertThat(SdmxSchemas.xmlErrors(ss, StructureSpecificSchema.of(namespace, List.of("REF_AREA", "SEX", "AGE"),
                at, SdmxSchemas.standards().resolve("sdmx-ml-2.1").toUri().toString()))).isEmpty();

        String json = given().accept(SDMX_JSON).queryParam("dimensionAtObservation", at).get(path).then()
                .statusCode(200).extract().asString();
        assertThat(SdmxSchemas.dataJsonErrors(json)).isEmpty();
        JsonPath message = JsonPath.from(json);
        assertThat(message.getList("data.structures[0].dimensions.observation.id")).isEqualTo(
                at.equals("AllDimensions") ? List.of("REF_AREA", "SEX", "AGE", "TIME_PERIOD") : List.of(at));
        Map<String, Map<String, Object>> series = message.getMap("data.dataSets[0].series");
        int observations = at.equals("AllDimensions") ? message.getMap("data.dataSets[0].observations").size()
                : series.values().stream().mapToInt(s -> ((Map<?, ?>) s.get("observations")).size()).sum();
        assertThat(observations).isEqualTo(6);
    }

    /**
     * A cross-section at SEX: one series per age and year (TIME_PERIOD in the series key), the sexes at
     * observation, each with its value - in SDMX-ML's generic form and in SDMX-JSON's index keys.
     */
    @Test
    void a_cross_section_puts_the_period_in_the_series_key() {
        String path = "/sdmx/2.1/data/" + FLOW + "/" + area() + "..?dimensionAtObservation=SEX";
        XmlPath xml = XmlPath.from(given().accept("application/vnd.sdmx.genericdata+xml;version=2.1")
                .urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString());
        String series2017 = "GenericData.DataSet.Series.find { s -> s.SeriesKey.Value.find { it.@id == 'TIME_PERIOD' }"
                + ".@value == '2017' && s.SeriesKey.Value.find { it.@id == 'AGE' }.@value == 'TOTAL' }";
        assertThat(xml.getList(series2017 + ".SeriesKey.Value.@id")).containsExactly("REF_AREA", "AGE", "TIME_PERIOD");
        assertThat(xml.getList(series2017 + ".Obs.ObsDimension.@id")).containsOnly("SEX");
        assertThat(xml.getList(series2017 + ".Obs.ObsDimension.@value")).containsExactly("F", "M");
        assertThat(xml.getList(series2017 + ".Obs.ObsValue.@value")).containsExactly("112", "125");

        JsonPath json = JsonPath.from(given().accept(SDMX_JSON).urlEncodingEnabled(false).get(path).then()
                .statusCode(200).extract().asString());
        assertThat(json.getList("data.structures[0].dimensions.series.id"))
                .containsExactly("REF_AREA", "AGE", "TIME_PERIOD");
        assertThat(json.getList("data.structures[0].dimensions.series.keyPosition")).containsExactly(0, 2, 3);
        List<String> ages = json.getList("data.structures[0].dimensions.series[1].values.id");
        List<String> periods = json.getList("data.structures[0].dimensions.series[2].values.id");
        List<String> sexes = json.getList("data.structures[0].dimensions.observation[0].values.id");
        String key = "0:" + ages.indexOf("TOTAL") + ":" + periods.indexOf("2017");
        Map<String, List<Object>> observations = json.getMap("data.dataSets[0].series.'" + key + "'.observations");
        assertThat(observations.get(Integer.toString(sexes.indexOf("F"))).get(0)).hasToString("112");
        assertThat(observations.get(Integer.toString(sexes.indexOf("M"))).get(0)).hasToString("125");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2.1||application/vnd.sdmx.genericdata+xml",
            "2.1|application/xml|application/vnd.sdmx.genericdata+xml",
            "2.1|application/json|application/vnd.sdmx.data+json",
            "2.1|text/csv|application/vnd.sdmx.data+csv",
            "3.0||application/vnd.sdmx.data+json",
            "3.0|application/vnd.sdmx.data+csv;version=2.0.0|application/vnd.sdmx.data+csv"})
    void the_default_format_of_each_api_and_content_negotiation(String api, String accept, String contentType) {
        String path = api.equals("2.1") ? "/sdmx/2.1/data/" + FLOW + "/" + area() + ".."
                : "/sdmx/3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/" + area() + "..";
        var request = given();
        if (accept != null) {
            request = request.accept(accept);
        } else {
            request = request.header("Accept", "*/*");
        }
        request.get(path).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith(contentType));
    }

    @ParameterizedTest(name = "format={0}")
    @CsvSource({"genericdata,application/vnd.sdmx.genericdata+xml", "structurespecificdata,application/vnd.sdmx.structurespecificdata+xml",
            "jsondata,application/vnd.sdmx.data+json", "csvfile,application/vnd.sdmx.data+csv"})
    void the_format_parameter_overrides_accept(String format, String contentType) {
        given().accept("text/html").queryParam("format", format).get("/sdmx/2.1/data/" + FLOW + "/" + area() + "..")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith(contentType));
    }

    @Test
    void a_data_format_version_not_written_is_406() {
        given().accept("application/vnd.sdmx.data+xml;version=3.0.0")
                .get("/sdmx/3.0/data/dataflow/DRUGS_PLAN/" + FLOW + "/1.0.0/" + area() + "..").then().statusCode(406);
        given().accept("application/vnd.sdmx.genericdata+xml;version=2.0")
                .get("/sdmx/2.1/data/" + FLOW + "/" + area() + "..").then().statusCode(406);
    }
}
