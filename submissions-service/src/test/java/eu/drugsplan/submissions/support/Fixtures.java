package eu.drugsplan.submissions.support;

import com.fasterxml.jackson.databind.JsonNode;
import eu.drugsplan.testsupport.CatalogueFixture;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The test catalogue: the one the stand-in of indicators-service publishes (test-support's CatalogueFixture). */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The measures as the catalogue event carries them (who reports: memberStates, agencies). */
    public static JsonNode measures() {
        return CatalogueFixture.measures();
    }

    public static JsonNode reporters() {
        return CatalogueFixture.reporters();
    }

    /** A code list's codes: code, label, parent. */
    public static JsonNode codelist(String id) {
        return CatalogueFixture.codes(id);
    }

    public static List<String> codes(String codelist) {
        List<String> codes = new ArrayList<>();
        codelist(codelist).forEach(c -> codes.add(c.path("code").asText()));
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
}
