package eu.drugsplan.loader;

import com.fasterxml.jackson.databind.JsonNode;
import eu.drugsplan.contracts.tables.PublishedTables;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue's code lists as the source files name things: country names and ISO codes, metabolites,
 * UNODC drugs, bulletin column headers. Everything comes from the codes' {@code properties}
 * (GET /api/v1/codelists/{id}), so a new name is a catalogue migration, never a loader change.
 */
final class CatalogueCodes {

    private final Map<String, JsonNode> areas = new HashMap<>();
    private final Map<String, String> countryByName = new HashMap<>();
    private final Map<String, Map<String, Map<String, String>>> byProperty = new HashMap<>();
    private final Set<String> reporters = new HashSet<>();
    private final Map<String, Set<String>> codesOf = new HashMap<>();

    static CatalogueCodes load(Gateway gateway, List<String> codelists) throws IOException {
        CatalogueCodes codes = new CatalogueCodes();
        for (JsonNode code : gateway.get("/api/v1/codelists/REF_AREA").path("codes")) {
            codes.indexArea(code);
        }
        for (String codelist : codelists) {
            for (JsonNode code : gateway.get("/api/v1/codelists/" + codelist).path("codes")) {
                codes.indexProperties(codelist, code);
            }
        }
        for (JsonNode reporter : gateway.get("/api/v1/reporters")) {
            codes.reporters.add(reporter.path("code").asText());
        }
        return codes;
    }

    private void indexArea(JsonNode code) {
        String id = code.path("code").asText();
        areas.put(id, code);
        JsonNode properties = code.path("properties");
        if (properties.path("wastewaterSite").asBoolean(false)) {
            return;
        }
        countryByName.put(normal(id), id);
        countryByName.put(normal(code.path("label").asText()), id);
        for (String property : PublishedTables.AREA_NAME_PROPERTIES) {
            texts(properties.path(property)).forEach(name -> countryByName.putIfAbsent(normal(name), id));
        }
    }

    private void indexProperties(String codelist, JsonNode code) {
        codesOf.computeIfAbsent(codelist, c -> new HashSet<>()).add(code.path("code").asText());
        JsonNode properties = code.path("properties");
        properties.fieldNames().forEachRemaining(property -> texts(properties.path(property)).forEach(value ->
                byProperty.computeIfAbsent(codelist, c -> new HashMap<>())
                        .computeIfAbsent(property, p -> new HashMap<>())
                        .put(normal(value), code.path("code").asText())));
    }

    /** "Austria *", "AUT", "Czech Republic" -> AT, CZ ...; a trailing "*" (a bulletin note) is ignored. */
    Optional<String> country(String name) {
        return Optional.ofNullable(countryByName.get(normal(PublishedTables.areaName(name))));
    }

    Optional<String> site(String siteId) {
        JsonNode code = areas.get(siteId.trim());
        return code != null && code.path("properties").path("wastewaterSite").asBoolean(false)
                ? Optional.of(siteId.trim()) : Optional.empty();
    }

    /** The code of {@code codelist} whose property {@code property} is (or lists) {@code value}. */
    Optional<String> code(String codelist, String property, String value) {
        return Optional.ofNullable(byProperty.getOrDefault(codelist, Map.of()).getOrDefault(property, Map.of())
                .get(normal(value)));
    }

    /** Whether {@code code} is a code of {@code codelist} (sources that use the catalogue's own codes, as Eurostat). */
    boolean has(String codelist, String code) {
        return codesOf.getOrDefault(codelist, Set.of()).contains(code);
    }

    /** An aggregate area (EU27_2020): the suite computes its totals from the countries. */
    boolean aggregate(String area) {
        JsonNode code = areas.get(area);
        return code != null && code.path("properties").path("aggregate").asBoolean(false);
    }

    boolean isReporter(String code) {
        return reporters.contains(code);
    }

    /** Whether an area is a Member State or lies in one (waste-water sites hang under their country). */
    boolean inEu(String area) {
        JsonNode code = areas.get(area);
        if (code == null) {
            return false;
        }
        String parent = code.path("parent").asText(null);
        return "EU27_2020".equals(parent) || (parent != null && inEu(parent));
    }

    /** The country an area is or lies in (a waste-water site's parent). */
    String countryOf(String area) {
        JsonNode code = areas.get(area);
        boolean site = code != null && code.path("properties").path("wastewaterSite").asBoolean(false);
        return site ? code.path("parent").asText(area) : area;
    }

    private static List<String> texts(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            node.forEach(v -> {
                if (v.isTextual()) {
                    values.add(v.asText());
                }
            });
            return values;
        }
        return List.of();
    }

    private static String normal(String text) {
        return PublishedTables.normal(text);
    }
}
