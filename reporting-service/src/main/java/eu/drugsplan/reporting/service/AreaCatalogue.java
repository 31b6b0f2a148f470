package eu.drugsplan.reporting.service;

import eu.drugsplan.reporting.config.TrendsConfig;
import eu.drugsplan.reporting.service.CatalogueClient.CodeInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The REF_AREA code list of the catalogue: which areas are EU Member States (their parent is the EU
 * aggregate), which country a sub-national area (a waste-water site) belongs to, and what each is called.
 */
@ApplicationScoped
public class AreaCatalogue {

    public static final String EU = "EU27_2020";
    private static final String CODELIST = "REF_AREA";

    private final CatalogueClient client;
    private final RefreshingValue<Map<String, CodeInfo>> codes;

    public AreaCatalogue(@RestClient CatalogueClient client, TrendsConfig config) {
        this.client = client;
        this.codes = new RefreshingValue<>("code list " + CODELIST, this::fetchCodes, config.catalogueCacheTtl(),
                Map.of());
    }

    /** The Member States; empty while the catalogue has never answered (no EU total is computed then). */
    public Set<String> memberStates() {
        return codes.get().values().stream()
                .filter(c -> EU.equals(c.parent()))
                .map(CodeInfo::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The country an area belongs to: its topmost ancestor below the EU aggregate, or the area itself. */
    public String countryOf(String area) {
        Map<String, CodeInfo> known = codes.get();
        String country = area;
        for (int depth = 0; depth < 8; depth++) { // a bound against a cycle in bad reference data
            CodeInfo code = known.get(country);
            String parent = code == null ? null : code.parent();
            if (parent == null || parent.isEmpty() || EU.equals(parent)) {
                return country;
            }
            country = parent;
        }
        return country;
    }

    /** What the area is called, its country and the group of that country. */
    public AreaInfo info(String area) {
        Map<String, CodeInfo> known = codes.get();
        String country = countryOf(area);
        CodeInfo code = known.get(area);
        return new AreaInfo(area, code == null || code.label() == null ? area : code.label(), country,
                AreaGroup.of(known.get(country)), position(code));
    }

    /** [longitude, latitude] from the code's properties (the waste-water site table, V4), or null. */
    static List<Double> position(CodeInfo code) {
        if (code == null || code.properties() == null) {
            return null;
        }
        Object longitude = code.properties().get("longitude");
        Object latitude = code.properties().get("latitude");
        if (!(longitude instanceof Number lon) || !(latitude instanceof Number lat)) {
            return null;
        }
        return List.of(lon.doubleValue(), lat.doubleValue());
    }

    /** Every area of a country: the country and its sub-national areas (waste-water sites). */
    public Set<String> areasOf(String country) {
        Set<String> areas = codes.get().keySet().stream().filter(code -> countryOf(code).equals(country))
                .collect(Collectors.toSet());
        areas.add(country);
        return Set.copyOf(areas);
    }

    /** Changes when the code list as known here changes (answers derived from it carry it in their ETag). */
    public int fingerprint() {
        return codes.get().hashCode();
    }

    private Map<String, CodeInfo> fetchCodes() {
        Map<String, CodeInfo> byCode = new HashMap<>();
        client.codelist(CODELIST).codes().forEach(c -> byCode.put(c.code(), c));
        return Map.copyOf(byCode);
    }

    /**
     * @param label   the code list's name of the area (a waste-water site: city and plant), the code when unknown
     * @param country  the area itself, or the country of a sub-national area
     * @param position [longitude, latitude] of a sub-national area with coordinates, else null
     */
    public record AreaInfo(String area, String label, String country, AreaGroup group, List<Double> position) {
    }
}
