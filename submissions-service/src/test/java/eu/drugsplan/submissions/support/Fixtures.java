package eu.drugsplan.submissions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The test catalogue, read from the same fixtures the stand-in server serves. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static JsonNode measures() {
        return read("catalogue/measures.json");
    }

    public static JsonNode reporters() {
        return read("catalogue/reporters.json");
    }

    public static JsonNode codelist(String id) {
        return read("catalogue/codelists/" + id + ".json");
    }

    public static List<String> codes(String codelist) {
        List<String> codes = new ArrayList<>();
        codelist(codelist).path("codes").forEach(c -> codes.add(c.path("code").asText()));
        return codes;
    }

    /** A JSON observation of the measure that is valid in every respect but the reporter's rights. */
    public static String validRow(JsonNode measure, String area) {
        StringBuilder dimensions = new StringBuilder();
        for (JsonNode dimension : measure.path("dimensions")) {
            if (dimensions.length() > 0) {
                dimensions.append(',');
            }
            dimensions.append('"').append(dimension.asText()).append("\":\"").append(codes(dimension.asText()).get(0)).append('"');
        }
        return "{\"measure\":\"" + measure.path("code").asText() + "\",\"area\":\"" + area
                + "\",\"period\":\"2021\",\"dimensions\":{" + dimensions + "},\"value\":1}";
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
