package eu.drugsplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the property generators know of the catalogue, read through the gateway as any client would read it:
 * the measures a Member State may submit, their dimensions and codes, and the observation statuses; apart, the
 * annual measures only agencies report, each with the agency that reports it.
 */
record GeneratedCatalogue(List<Measure> measures, Map<String, List<String>> codes, List<String> valueStatuses,
                          List<String> missingStatuses, List<String> measureCodes, List<AgencyMeasure> agencyMeasures) {

    record Measure(String code, String unitKind, List<String> dimensions) {
    }

    /**
     * A measure no Member State reports, the first of the agencies that do, and its headline selection (per
     * dimension the code of its headline series).
     */
    record AgencyMeasure(Measure measure, String agency, Map<String, String> headline) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static GeneratedCatalogue read(RawHttp http) throws IOException {
        JsonNode measures = get(http, "/api/v1/measures");
        List<Measure> open = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<AgencyMeasure> agencies = new ArrayList<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (JsonNode measure : measures) {
            all.add(measure.get("code").asText());
            List<String> dimensions = new ArrayList<>();
            measure.get("dimensions").forEach(d -> dimensions.add(d.asText()));
            boolean annual = "A".equals(measure.get("frequency").asText());
            Measure typed = new Measure(measure.get("code").asText(), measure.get("unitKind").asText(),
                    List.copyOf(dimensions));
            JsonNode reporters = measure.get("reporters");
            if (annual && reporters.get("memberStates").asBoolean()) {
                open.add(typed);
            } else if (annual && !reporters.get("agencies").isEmpty()) {
                Map<String, String> headline = new LinkedHashMap<>();
                measure.path("headline").fields().forEachRemaining(h -> headline.put(h.getKey(), h.getValue().asText()));
                agencies.add(new AgencyMeasure(typed, reporters.get("agencies").get(0).asText(), Map.copyOf(headline)));
            }
            for (String dimension : dimensions) {
                if (!codes.containsKey(dimension)) {
                    codes.put(dimension, codeList(http, dimension));
                }
            }
        }
        List<String> valueStatuses = new ArrayList<>();
        List<String> missingStatuses = new ArrayList<>();
        for (JsonNode code : get(http, "/api/v1/codelists/OBS_STATUS").get("codes")) {
            boolean missing = code.path("properties").path("missing").asBoolean(false);
            (missing ? missingStatuses : valueStatuses).add(code.get("code").asText());
        }
        if (open.size() < 5 || valueStatuses.isEmpty()) {
            throw new IllegalStateException("the catalogue served by the gateway is too small: " + open);
        }
        return new GeneratedCatalogue(List.copyOf(open), Map.copyOf(codes), List.copyOf(valueStatuses),
                List.copyOf(missingStatuses), List.copyOf(all), List.copyOf(agencies));
    }

    private static List<String> codeList(RawHttp http, String id) throws IOException {
        List<String> codes = new ArrayList<>();
        get(http, "/api/v1/codelists/" + id).get("codes").forEach(c -> codes.add(c.get("code").asText()));
        return List.copyOf(codes);
    }

    private static JsonNode get(RawHttp http, String path) throws IOException {
        RawHttp.Answer answer = http.send(RawHttp.Request.of("GET", path).header("Accept", "application/json"));
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer);
        }
        return JSON.readTree(answer.body());
    }
}
