package eu.drugsplan.reporting.service;

import eu.drugsplan.reporting.config.TrendsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The REF_AREA code list of the catalogue: which areas are EU Member States (their parent is the EU
 * aggregate) and which country a sub-national area (a waste-water site) belongs to.
 */
@ApplicationScoped
public class AreaCatalogue {

    public static final String EU = "EU27_2020";
    private static final String CODELIST = "REF_AREA";

    private final CatalogueClient client;
    private final RefreshingValue<Map<String, String>> parents;

    public AreaCatalogue(@RestClient CatalogueClient client, TrendsConfig config) {
        this.client = client;
        this.parents = new RefreshingValue<>("code list " + CODELIST, this::fetchParents, config.catalogueCacheTtl(),
                Map.of());
    }

    /** The Member States; empty while the catalogue has never answered (no EU total is computed then). */
    public Set<String> memberStates() {
        return parents.get().entrySet().stream()
                .filter(e -> EU.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The country an area belongs to: its topmost ancestor below the EU aggregate, or the area itself. */
    public String countryOf(String area) {
        Map<String, String> known = parents.get();
        String country = area;
        for (int depth = 0; depth < 8; depth++) { // a bound against a cycle in bad reference data
            String parent = known.get(country);
            if (parent == null || parent.isEmpty() || EU.equals(parent)) {
                return country;
            }
            country = parent;
        }
        return country;
    }

    /** Changes when the code list as known here changes (answers derived from it carry it in their ETag). */
    public int fingerprint() {
        return parents.get().hashCode();
    }

    private Map<String, String> fetchParents() {
        Map<String, String> byCode = new HashMap<>();
        client.codelist(CODELIST).codes().forEach(c -> byCode.put(c.code(), c.parent() == null ? "" : c.parent()));
        return Map.copyOf(byCode);
    }
}
