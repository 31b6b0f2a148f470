package eu.drugsplan.indicators.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a data request asks for. Empty sets mean "all"; null bounds and instants mean "no filter".
 *
 * @param dimensionOrder the measure's dimensions in catalogue order (the SDMX key order)
 * @param startDate      the first day of startPeriod: only periods that end on or after it
 * @param endDate        the last day of endPeriod: only periods that start on or before it
 * @param firstNObservations only the first n periods of each series
 * @param asOf           the data as it stood at this instant, rebuilt from the versions
 * @param updatedAfter   only observations changed after this instant, deletions included
 * @param includeHistory every version instead of the latest one
 * @param inDataSets     rows ordered for SDMX data sets (see {@link #inDataSets(boolean)}) rather than by series
 * @param crossSection   null for time series; else the dimension at observation of a cross-sectional answer: rows
 *                       come grouped by every other dimension and the period, so a writer can stream its series
 */
public record DataQuery(
        String measure,
        List<String> dimensionOrder,
        Set<String> areas,
        Map<String, Set<String>> dimensions,
        LocalDate startDate,
        LocalDate endDate,
        Integer firstNObservations,
        Integer lastNObservations,
        Instant updatedAfter,
        Instant asOf,
        boolean includeHistory,
        boolean inDataSets,
        String crossSection) {

    public DataQuery {
        dimensionOrder = List.copyOf(dimensionOrder);
        areas = Set.copyOf(areas);
        dimensions = Map.copyOf(dimensions);
    }

    /**
     * The same query with its rows grouped into SDMX data sets: deletions after the other changes, and with
     * history one data set per dissemination (submission), oldest first, each with the time it stopped being
     * wholly current.
     */
    public DataQuery inDataSets(boolean grouped) {
        return new DataQuery(measure, dimensionOrder, areas, dimensions, startDate, endDate, firstNObservations,
                lastNObservations, updatedAfter, asOf, includeHistory, grouped, crossSection);
    }

    /** The same query with its rows grouped for a cross-section at the dimension (null: time series). */
    public DataQuery crossSectionAt(String dimension) {
        return new DataQuery(measure, dimensionOrder, areas, dimensions, startDate, endDate, firstNObservations,
                lastNObservations, updatedAfter, asOf, includeHistory, inDataSets, dimension);
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
