package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.catalogue.CatalogueCopy;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The REF_AREA code list of this service's copy of the catalogue ({@link CatalogueCopy}): which areas are EU
 * Member States (their parent is the EU aggregate), which country a sub-national area (a waste-water site)
 * belongs to, and what each is called.
 */
@ApplicationScoped
public class AreaCatalogue {

    public static final String EU = "EU27_2020";

    private final CatalogueCopy copy;
    /** The code list of the copy it was indexed from: re-indexed when a newer catalogue arrives. */
    private final AtomicReference<Indexed> indexed = new AtomicReference<>();

    private record Indexed(CatalogueEvent catalogue, Map<String, CatalogueEvent.Area> byCode) {
    }

    public AreaCatalogue(CatalogueCopy copy) {
        this.copy = copy;
    }

    /** The codes by code; empty while no catalogue is known. */
    private Map<String, CatalogueEvent.Area> codes() {
        Optional<CatalogueEvent> catalogue = copy.current();
        if (catalogue.isEmpty()) {
            return Map.of();
        }
        Indexed known = indexed.get();
        if (known != null && known.catalogue() == catalogue.get()) {
            return known.byCode();
        }
        Map<String, CatalogueEvent.Area> byCode = new HashMap<>();
        catalogue.get().areas().forEach(area -> byCode.put(area.code(), area));
        Indexed fresh = new Indexed(catalogue.get(), Map.copyOf(byCode));
        indexed.set(fresh);
        return fresh.byCode();
    }

    /** The Member States; empty while the catalogue has never answered (no EU total is computed then). */
    public Set<String> memberStates() {
        return codes().values().stream()
                .filter(c -> EU.equals(c.parent()))
                .map(CatalogueEvent.Area::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The country an area belongs to: its topmost ancestor below the EU aggregate, or the area itself. */
    public String countryOf(String area) {
        Map<String, CatalogueEvent.Area> known = codes();
        String country = area;
        for (int depth = 0; depth < 8; depth++) { // a bound against a cycle in bad reference data
            CatalogueEvent.Area code = known.get(country);
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
        Map<String, CatalogueEvent.Area> known = codes();
        String country = countryOf(area);
        CatalogueEvent.Area code = known.get(area);
        return new AreaInfo(area, code == null || code.label() == null ? area : code.label(), country,
                AreaGroup.of(known.get(country)), position(code));
    }

    /** [longitude, latitude] from the code's properties (the waste-water site table, V4), or null. */
    static List<Double> position(CatalogueEvent.Area code) {
        if (code == null) {
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
        Set<String> areas = codes().keySet().stream().filter(code -> countryOf(code).equals(country))
                .collect(Collectors.toSet());
        areas.add(country);
        return Set.copyOf(areas);
    }

    /** Changes when the code list as known here changes (answers derived from it carry it in their ETag). */
    public int fingerprint() {
        return codes().hashCode();
    }

    /**
     * @param label   the code list's name of the area (a waste-water site: city and plant), the code when unknown
     * @param country  the area itself, or the country of a sub-national area
     * @param position [longitude, latitude] of a sub-national area with coordinates, else null
     */
    public record AreaInfo(String area, String label, String country, AreaGroup group, List<Double> position) {
    }
}
