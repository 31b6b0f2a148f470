package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One value of every annual measure, for Greece in 2024, so that the real SDMX clients read each measure through its
 * own dataflow and structure, not only the one measure their other calls use: Greece submits the measures open to
 * Member States, and each measure only agencies report (Eurostat's tables, waste water, NPS, perceptions, SDG) is
 * submitted by its agency. The measures and codes come from the catalogue as the gateway serves it, so a measure
 * added by a migration is read too.
 * Greece is {@code EL} in the catalogue (SDMX's and Eurostat's code, not ISO's GR); no other end-to-end class submits
 * for it in 2024 (the bulletin spreadsheets end earlier).
 */
final class EveryMeasure {

    static final String AREA = "EL";
    static final String PERIOD = "2024";
    static final String REF_AREA = "REF_AREA";

    /** A measure's one value: its dataflow, the code of each of its dimensions, the value and who submitted it. */
    record Value(String measure, String dataflow, Map<String, String> dimensions, int value, String reporter) {

        /** The series key in the order of the given dimension ids ({@code REF_AREA} is Greece). */
        String key(List<String> dimensionIds) {
            return dimensionIds.stream().map(id -> id.equals(REF_AREA) ? AREA : dimensions.get(id))
                    .collect(Collectors.joining("."));
        }

        /** The key in the structure's order: the area, then the measure's dimensions as the catalogue lists them. */
        String key() {
            List<String> ids = new ArrayList<>();
            ids.add(REF_AREA);
            ids.addAll(dimensions.keySet());
            return key(ids);
        }
    }

    private static List<Value> submitted;

    private EveryMeasure() {
    }

    /** Submits the values once per test JVM (the classes share the suite) and waits until all are stored. */
    static synchronized List<Value> submittedTo(Suite suite) throws IOException {
        if (submitted == null) {
            List<Value> values = values(suite);
            submit(suite, values);
            submitted = List.copyOf(values);
        }
        return submitted;
    }

    private static List<Value> values(Suite suite) throws IOException {
        URI gateway = URI.create(suite.gatewayUrl());
        GeneratedCatalogue catalogue = GeneratedCatalogue.read(new RawHttp(gateway.getHost(), gateway.getPort()));
        List<Value> values = new ArrayList<>();
        for (GeneratedCatalogue.Measure measure : catalogue.measures()) {
            values.add(value(catalogue, measure, AREA, Map.of(), values.size()));
        }
        // not a headline series: the classes that count a measure's headline series (the waste-water scoreboard
        // and summary) share this suite
        for (GeneratedCatalogue.AgencyMeasure measure : catalogue.agencyMeasures()) {
            values.add(value(catalogue, measure.measure(), measure.agency(), measure.headline(), values.size()));
        }
        return values;
    }

    /** The first code of each dimension, except a headline code given (then the next one). */
    private static Value value(GeneratedCatalogue catalogue, GeneratedCatalogue.Measure measure, String reporter,
                               Map<String, String> avoided, int position) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        measure.dimensions().forEach(d -> dimensions.put(d, catalogue.codes().get(d).stream()
                .filter(code -> !code.equals(avoided.get(d))).findFirst().orElseThrow()));
        // small whole numbers, distinct per measure: valid for counts, rates, percentages and years alike; a
        // binary measure (a policy in place or not) takes 1
        int value = "BINARY".equals(measure.unitKind()) ? 1 : 11 + position;
        return new Value(measure.code(), SdmxIds.dataflowId(measure.code()), dimensions, value, reporter);
    }

    /** One submission per reporter (Greece, then each agency), each released by its reviewing bodies. */
    private static void submit(Suite suite, List<Value> values) {
        Map<String, List<Value>> byReporter = values.stream()
                .collect(Collectors.groupingBy(Value::reporter, LinkedHashMap::new, Collectors.toList()));
        List<String> ids = new ArrayList<>();
        byReporter.forEach((reporter, theirs) -> ids.add(submit(suite, reporter, theirs)));
        // the measures have several reviewing bodies: each releases
        Review.release(suite.gatewayUrl(), ids);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> values.stream()
                .allMatch(v -> given().baseUri(suite.gatewayUrl()).queryParam("area", AREA)
                        .queryParam("startPeriod", PERIOD).get("/api/v1/data/" + v.measure()).jsonPath()
                        .getList("series.observations.flatten().value").size() > 0));
    }

    private static String submit(Suite suite, String reporter, List<Value> values) {
        String rows = values.stream().map(v -> """
                {"measure": "%s", "area": "%s", "period": "%s", "dimensions": %s, "value": %d}"""
                .formatted(v.measure(), AREA, PERIOD, json(v.dimensions()), v.value())).collect(Collectors.joining(","));
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.forReporter(reporter, "submitter"))
                .contentType(ContentType.JSON).body("{\"observations\": [" + rows + "]}")
                .post("/api/v1/submissions").then().log().ifValidationFails()
                .statusCode(201).body("accepted", equalTo(values.size())).extract().path("id");
    }

    private static String json(Map<String, String> dimensions) {
        return dimensions.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
