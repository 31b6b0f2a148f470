package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.drugsplan.reporting.service.ScoreboardView.Counts;
import java.util.List;
import java.util.Map;

/**
 * Summaries for dashboards: what a view shows and no more - the headline series' latest value and assessment,
 * the EU totals with their coverage, counts by assessment - instead of whole trend documents.
 */
public final class SummaryView {

    private SummaryView() {
    }

    /** The latest reported point of a series. */
    public record LatestPoint(String period, double value) {
    }

    /**
     * One series, reduced to its latest point and its labels.
     *
     * @param overall    the overall assessment label (IMPROVING ...)
     * @param yearOnYear the year-on-year label (INCREASE, DECREASE, STABLE, NO_PREVIOUS_DATA)
     * @param position   [longitude, latitude] (WGS 84) of a waste-water site, from the site table; absent for a
     *                   country (the dashboard's map draws sites as points without reading the whole code list)
     */
    public record SeriesSummary(String seriesKey, String measure, String indicator, String area, String areaLabel,
                                String country, AreaGroup group, Map<String, String> dimensions, String unit,
                                LatestPoint latest, String overall, String yearOnYear, Double percentChange,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> position) {
    }

    /**
     * A computed EU total (the sum of the Member States that reported each period) and its coverage.
     *
     * @param memberStates    the Member States a complete period sums
     * @param latestReporting the Member States the latest period sums
     * @param incomplete      true when any period sums fewer than all Member States
     */
    public record EuTotalSummary(String seriesKey, Map<String, String> dimensions, String unit, LatestPoint latest,
                                 String overall, int memberStates, long latestReporting, boolean incomplete,
                                 List<CoveragePoint> coverage) {
    }

    /** Which page of how many series: {@code total} is the number of series of the whole list. */
    public record SeriesPage(int page, int size, long total) {
    }

    /** One measure: its counts, its EU totals and a page of its series ranked by latest value (largest first). */
    public record MeasureSummary(String measure, String indicator, String unit, String desiredDirection, Counts counts,
                                 List<EuTotalSummary> euTotals, SeriesPage page, List<SeriesSummary> series) {
    }

    public record MeasureOverview(String measure, Counts counts, List<EuTotalSummary> euTotals) {
    }

    /** One indicator: its headline counts and those of each of its measures (those without data too). */
    public record IndicatorSummary(String indicator, Counts counts, List<MeasureOverview> measures) {
    }

    public record IndicatorsSummary(Counts total, List<IndicatorSummary> indicators) {
    }

    /** One country (its sub-national areas included) or aggregate: its headline series across every indicator. */
    public record AreaSummary(String area, String label, AreaGroup group, Counts counts, SeriesPage page,
                              List<SeriesSummary> series) {
    }
}
