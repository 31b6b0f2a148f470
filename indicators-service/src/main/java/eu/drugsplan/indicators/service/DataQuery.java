package eu.drugsplan.indicators.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a data request asks for. Empty sets mean "all"; null bounds and instants mean "no filter".
 *
 * @param dimensionOrder the measure's dimensions in catalogue order (the SDMX key order)
 * @param asOf           the data as it stood at this instant, rebuilt from the versions
 * @param updatedAfter   only observations changed after this instant, deletions included
 * @param includeHistory every version instead of the latest one
 */
public record DataQuery(
        String measure,
        List<String> dimensionOrder,
        Set<String> areas,
        Map<String, Set<String>> dimensions,
        String startPeriod,
        String endPeriod,
        Integer lastNObservations,
        Instant updatedAfter,
        Instant asOf,
        boolean includeHistory) {

    public DataQuery {
        dimensionOrder = List.copyOf(dimensionOrder);
        areas = Set.copyOf(areas);
        dimensions = Map.copyOf(dimensions);
    }

    /** Whether the answer reads the versions rather than the current values. */
    public boolean readsVersions() {
        return includeHistory || asOf != null || updatedAfter != null;
    }

    /** Whether deleted observations can appear (as tombstones) in the answer. */
    public boolean showsDeletions() {
        return includeHistory || updatedAfter != null;
    }
}
