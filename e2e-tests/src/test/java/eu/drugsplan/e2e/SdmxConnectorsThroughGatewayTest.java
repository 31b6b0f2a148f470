package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import it.bancaditalia.oss.sdmx.api.BaseObservation;
import it.bancaditalia.oss.sdmx.api.DataFlowStructure;
import it.bancaditalia.oss.sdmx.api.Dataflow;
import it.bancaditalia.oss.sdmx.api.Dimension;
import it.bancaditalia.oss.sdmx.api.PortableTimeSeries;
import it.bancaditalia.oss.sdmx.client.SDMXClientFactory;
import it.bancaditalia.oss.sdmx.client.SdmxClientHandler;
import it.bancaditalia.oss.sdmx.exceptions.SdmxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Bank of Italy's SDMX connectors ({@code it.bancaditalia.oss:sdmx}, the Java library under its R, Excel,
 * Matlab and Stata plug-ins) used as a statistician would: the gateway registered once as an SDMX 2.1 provider
 * and once as an SDMX 3.0 provider, then dataflows, structures, codes and data read through the library's own
 * handler, the values compared with what this class submitted. Our own tests passed while this client could not
 * make one call, so nothing here builds a URL or parses a message itself: the library does both.
 * <p>
 * Every call is tried and its outcome collected, so one run names every call that fails (and the count of those
 * that work) rather than stopping at the first. Estonia's drug-induced deaths are this class's own data; one value
 * of every measure ({@link EveryMeasure}: Greece's, or an agency's for Greece) is read through each measure's own
 * dataflow, and every dataflow the library lists is among them.
 */
@ExtendWith(SharedSuiteExtension.class)
class SdmxConnectorsThroughGatewayTest {

    private static final String FLOW = "PI09_DRUG_INDUCED_DEATHS";
    private static final String FULL_FLOW = "DRUGS_PLAN," + FLOW + ",1.0";
    /** The library names a series by its dataflow's id and its key. */
    private static final String NAME = FLOW + ".";
    private static final String V21 = "DRUGS_PLAN_21";
    private static final String V30 = "DRUGS_PLAN_30";

    private static Suite suite;
    private static Instant beforeRevision;
    private static List<EveryMeasure.Value> everyMeasure;

    @BeforeAll
    static void submitAndRegister(Suite shared) throws Exception {
        suite = shared;
        everyMeasure = EveryMeasure.submittedTo(suite);
        submit("""
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "EE", "period": "2015", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 30},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "EE", "period": "2016", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 35},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "EE", "period": "2017", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 41, "status": "P"},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "EE", "period": "2016", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 8},
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "EE", "period": "2017", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": 9}
                ]}""");
        awaitStored(5);
        // the store keeps versions in whole seconds of the dissemination: the revision comes in a later one
        Thread.sleep(1100);
        beforeRevision = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        submit("""
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "EE", "period": "2017", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 42, "status": "A"}
                ]}""");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().baseUri(suite.gatewayUrl()).queryParam("area", "EE").get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS")
                        .jsonPath().getList("series.observations.flatten().findAll { it.period == '2017' }.value")
                        .stream().anyMatch(v -> ((Number) v).doubleValue() == 42.0));
        SdmxClientHandler.addProvider(V21, suite.gatewayUrl() + "/sdmx/2.1", false, false, false,
                "EU Action Plan on Drugs (SDMX 2.1)", SDMXClientFactory.SDMX_V2);
        SdmxClientHandler.addProvider(V30, suite.gatewayUrl() + "/sdmx/3.0", false, false, false,
                "EU Action Plan on Drugs (SDMX 3.0)", SDMXClientFactory.SDMX_V3);
    }

    @Test
    void the_connectors_as_an_sdmx_2_1_provider_read_flows_structures_codes_and_the_submitted_values() {
        Calls calls = new Calls("connectors, SDMX 2.1 provider");
        commonCalls(calls, V21);
        calls.report();
    }

    @Test
    void the_connectors_as_an_sdmx_3_0_provider_read_flows_structures_codes_and_the_submitted_values() {
        Calls calls = new Calls("connectors, SDMX 3.0 provider");
        commonCalls(calls, V30);
        calls.run("filter c[SEX]=M,F with an open key", () -> assertThat(values(
                SdmxClientHandler.getTimeSeries(V30, FLOW, "EE.*.TOTAL", "c[SEX]=M,F", null, null, false, null, false)))
                .isEqualTo(Map.of(NAME + "EE.M.TOTAL", Map.of("2015", 30.0, "2016", 35.0, "2017", 42.0),
                        NAME + "EE.F.TOTAL", Map.of("2016", 8.0, "2017", 9.0))));
        // what the library cannot do against any SDMX 3.0 provider; each must keep failing the way docs/sdmx.md says
        calls.clientLimitation("a key with + (the library maps it to c[] filters)", ClassCastException.class, () ->
                SdmxClientHandler.getTimeSeries(V30, FLOW + "/EE.M+F.TOTAL", null, null));
        calls.clientLimitation("series count (availability, mode exact)", SdmxException.class, () ->
                SdmxClientHandler.getSeriesCount(V30, FLOW, "EE.M+F.TOTAL"));
        calls.clientLimitation("codes filtered by availability", SdmxException.class, () ->
                SdmxClientHandler.filterCodes(V30, FLOW, "c[REF_AREA]=EE"));
        calls.report();
    }

    private static void commonCalls(Calls calls, String provider) {
        // the library's SDMX 3.0 client cannot send a key with '+' (see clientLimitation below): the calls that
        // need two series of it ask for them with a wildcard there
        String twoSeries = provider.equals(V30) ? "EE.*.TOTAL" : "EE.M+F.TOTAL";
        calls.run("every dataflow", () -> {
            Map<String, String> flows = SdmxClientHandler.getFlows(provider, null);
            assertThat(flows).containsKey(FULL_FLOW);
            assertThat(flows.get(FULL_FLOW)).isEqualTo("Drug-induced deaths");
        });
        calls.run("dataflows by pattern", () ->
                assertThat(SdmxClientHandler.getFlows(provider, "PI09*")).containsKey(FULL_FLOW).allSatisfy(
                        (id, name) -> assertThat(id).contains(",PI09_")));
        calls.run("one dataflow and its structure's id", () -> {
            Dataflow flow = SdmxClientHandler.getFlow(provider, FLOW);
            assertThat(flow.getDsdIdentifier().getId()).isEqualTo("DSD_" + FLOW);
            assertThat(flow.getDsdIdentifier().getAgency()).isEqualTo("DRUGS_PLAN");
        });
        calls.run("the data structure", () -> {
            DataFlowStructure dsd = SdmxClientHandler.getDataFlowStructure(provider, FLOW);
            assertThat(dsd.getDimensions().stream().map(Dimension::getId)).containsExactly("REF_AREA", "SEX", "AGE");
            assertThat(dsd.getTimeDimension()).isEqualTo("TIME_PERIOD");
            assertThat(dsd.getMeasure()).isEqualTo("OBS_VALUE");
            assertThat(dsd.getAttribute("OBS_STATUS")).isNotNull();
        });
        calls.run("codes of a dimension", () -> assertThat(SdmxClientHandler.getCodes(provider, FLOW, "SEX"))
                .containsKeys("M", "F"));
        calls.run("the structure of every dataflow", () -> {
            List<String> failed = new ArrayList<>();
            for (String full : SdmxClientHandler.getFlows(provider, null).keySet()) {
                String id = full.split(",")[1];
                try {
                    assertThat(SdmxClientHandler.getDimensions(provider, id)).isNotEmpty().first()
                            .extracting(Dimension::getId).isEqualTo("REF_AREA");
                } catch (Exception | AssertionError e) {
                    failed.add(id + ": " + e);
                }
            }
            assertThat(failed).isEmpty();
        });
        calls.run("one series by key", () -> assertThat(values(SdmxClientHandler.getTimeSeries(provider,
                FLOW + "/EE.M.TOTAL", null, null))).isEqualTo(Map.of(NAME + "EE.M.TOTAL",
                Map.of("2015", 30.0, "2016", 35.0, "2017", 42.0))));
        calls.run("observation status of a revised value", () -> {
            PortableTimeSeries<Double> series = SdmxClientHandler.getTimeSeries(provider, FLOW + "/EE.M.TOTAL",
                    "2017", "2017").get(0);
            assertThat(series.get(0).getAttributeValue("OBS_STATUS")).isEqualTo("A");
        });
        if (provider.equals(V21)) {
            calls.run("two codes with +", () -> assertThat(values(SdmxClientHandler.getTimeSeries(provider,
                    FLOW + "/EE.M+F.TOTAL", null, null))).isEqualTo(Map.of(
                    NAME + "EE.M.TOTAL", Map.of("2015", 30.0, "2016", 35.0, "2017", 42.0),
                    NAME + "EE.F.TOTAL", Map.of("2016", 8.0, "2017", 9.0))));
        }
        calls.run("an empty key part (wildcard)", () -> assertThat(values(SdmxClientHandler.getTimeSeries(provider,
                FLOW + "/EE..TOTAL", null, null))).containsOnlyKeys(NAME + "EE.M.TOTAL", NAME + "EE.F.TOTAL"));
        // '..' is every series of this dataflow: a dot segment to URL readers, routed by the gateway as '*.*.*'
        calls.run("a key of empty parts only (every series)", () -> assertThat(values(SdmxClientHandler.getTimeSeries(
                provider, FLOW + "/..", "2017", "2017"))).containsEntry(NAME + "EE.M.TOTAL", Map.of("2017", 42.0))
                .containsEntry(NAME + "EE.F.TOTAL", Map.of("2017", 9.0)));
        calls.run("startPeriod and endPeriod", () -> assertThat(values(SdmxClientHandler.getTimeSeries(provider,
                FLOW + "/EE.M.TOTAL", "2016", "2016"))).isEqualTo(Map.of(NAME + "EE.M.TOTAL", Map.of("2016", 35.0))));
        calls.run("a monthly startPeriod keeps the annual value that overlaps it", () ->
                assertThat(values(SdmxClientHandler.getTimeSeries(provider, FLOW + "/EE.M.TOTAL", "2017-06", null)))
                        .isEqualTo(Map.of(NAME + "EE.M.TOTAL", Map.of("2017", 42.0))));
        calls.run("series keys only", () -> {
            List<PortableTimeSeries<Double>> keys = SdmxClientHandler.getTimeSeries(provider, FLOW, twoSeries,
                    null, null, null, true, null, false);
            assertThat(keys).extracting(PortableTimeSeries::getName).containsExactlyInAnyOrder(NAME + "EE.M.TOTAL", NAME + "EE.F.TOTAL");
            assertThat(keys).allSatisfy(series -> assertThat(series).isEmpty());
        });
        calls.run("updatedAfter: only the revision", () -> assertThat(values(SdmxClientHandler.getTimeSeries(provider,
                FLOW, twoSeries, null, null, null, false, beforeRevision.toString(), false)))
                .isEqualTo(Map.of(NAME + "EE.M.TOTAL", Map.of("2017", 42.0))));
        calls.run("includeHistory: the first value and its revision", () -> {
            PortableTimeSeries<Double> series = SdmxClientHandler.getTimeSeries(provider, FLOW, "EE.M.TOTAL", null,
                    "2017", "2017", false, null, true).get(0);
            assertThat(series.stream().map(BaseObservation::getValueAsDouble).toList()).contains(41.0, 42.0);
            assertThat(series.stream().map(o -> o.getAttributeValue("validFromDate"))).doesNotContainNull();
        });
        calls.run("one value of every measure, each through its own dataflow", () -> {
            List<String> wrong = new ArrayList<>();
            for (EveryMeasure.Value measure : everyMeasure) {
                // the key in the order of the structure the library read, not of the catalogue
                String key = measure.key(SdmxClientHandler.getDimensions(provider, measure.dataflow()).stream()
                        .map(Dimension::getId).toList());
                Map<String, Map<String, Double>> read = values(SdmxClientHandler.getTimeSeries(provider,
                        measure.dataflow() + "/" + key, EveryMeasure.PERIOD, EveryMeasure.PERIOD));
                Map<String, Map<String, Double>> expected = Map.of(measure.dataflow() + "." + key,
                        Map.of(EveryMeasure.PERIOD, (double) measure.value()));
                if (!read.equals(expected)) {
                    wrong.add(measure.measure() + ": read " + read + ", submitted " + expected);
                }
            }
            assertThat(wrong).isEmpty();
            // every dataflow the library lists is read: the agencies' measures as well as the Member States'
            assertThat(everyMeasure.stream().map(EveryMeasure.Value::dataflow)).containsExactlyInAnyOrderElementsOf(
                    SdmxClientHandler.getFlows(provider, null).keySet().stream().map(f -> f.split(",")[1]).toList());
        });
        calls.run("a key that matches nothing is an error, not an empty answer", () -> {
            try {
                SdmxClientHandler.getTimeSeries(provider, FLOW + "/EE.M.Y15-19", null, null);
                throw new AssertionError("no error for a key without data");
            } catch (SdmxException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    /** Series name to period to value, as the library returns them. */
    private static Map<String, Map<String, Double>> values(List<PortableTimeSeries<Double>> series) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        for (PortableTimeSeries<Double> s : series) {
            result.put(s.getName(), s.stream().collect(Collectors.toMap(BaseObservation::getTimeslot,
                    BaseObservation::getValue, (a, b) -> b, TreeMap::new)));
        }
        return result;
    }

    private static void submit(String body) {
        String id = given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter("EE", "submitter"))
                .contentType(ContentType.JSON).body(body)
                .post("/api/v1/submissions").then().statusCode(201)
                .body("rejected", org.hamcrest.Matchers.equalTo(0)).extract().path("id");
        Review.release(suite.gatewayUrl(), id);
    }

    private static void awaitStored(int observations) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().baseUri(suite.gatewayUrl()).queryParam("area", "EE").get("/api/v1/data/PI09.DRUG_INDUCED_DEATHS")
                        .jsonPath().getList("series.observations.flatten()").size() >= observations);
    }

    /** Every call tried, each failure kept with its name; the report says how many work and fails on any other. */
    static final class Calls {
        private final String client;
        private final Map<String, String> failures = new LinkedHashMap<>();
        private int tried;
        private int limitations;

        Calls(String client) {
            this.client = client;
        }

        void run(String name, ThrowingCall call) {
            tried++;
            try {
                call.run();
            } catch (Exception | AssertionError e) {
                failures.put(name, e.toString());
            }
        }

        /**
         * A call the library cannot make against the suite for a reason of its own (docs/sdmx.md says which); it
         * counts as tried and not working, and must fail with the documented kind of error: if it starts to work
         * or fails otherwise, the documentation is wrong.
         */
        void clientLimitation(String name, Class<? extends Throwable> expected, ThrowingCall call) {
            tried++;
            limitations++;
            try {
                call.run();
                failures.put(name, "works now: update docs/sdmx.md and make it an ordinary call");
            } catch (Throwable e) {
                if (!expected.isInstance(e)) {
                    failures.put(name, "fails otherwise than documented: " + e);
                }
            }
        }

        void report() {
            System.out.printf("%s: %d of %d calls work (%d cannot, by the library's own limits)%n", client,
                    tried - failures.size() - limitations, tried, limitations);
            failures.forEach((name, failure) -> System.out.printf("  FAILS %s: %s%n", name, failure));
            assertThat(failures).as("%s: calls that fail", client).isEmpty();
        }
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
