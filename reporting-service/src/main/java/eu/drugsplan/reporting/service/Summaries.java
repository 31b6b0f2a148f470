package eu.drugsplan.reporting.service;

import eu.drugsplan.reporting.service.ScoreboardView.Counts;
import eu.drugsplan.reporting.service.ScoreboardView.IndicatorCounts;
import eu.drugsplan.reporting.service.ScoreboardView.MeasureCounts;
import eu.drugsplan.reporting.service.SummaryView.AreaSummary;
import eu.drugsplan.reporting.service.SummaryView.EuTotalSummary;
import eu.drugsplan.reporting.service.SummaryView.IndicatorSummary;
import eu.drugsplan.reporting.service.SummaryView.IndicatorsSummary;
import eu.drugsplan.reporting.service.SummaryView.MeasureOverview;
import eu.drugsplan.reporting.service.SummaryView.MeasureSummary;
import eu.drugsplan.reporting.service.SummaryView.SeriesPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The summaries of the dashboard's views: the indicators at a glance, one indicator, one measure, one country.
 * Counts are of headline series, as on the scoreboard.
 */
@ApplicationScoped
public class Summaries {

    /** Largest latest value first; series without a latest point last; the key breaks ties, so pages are stable. */
    private static final String BY_LATEST_VALUE = "cast(trend -> 'latest' ->> 'value' as float8) desc nulls last, "
            + "series_key";
    private static final String BY_MEASURE = "measure, series_key";

    private final SummaryQueries queries;
    private final Scoreboard scoreboard;
    private final MeasureCatalogue measures;
    private final AreaCatalogue areas;

    public Summaries(SummaryQueries queries, Scoreboard scoreboard, MeasureCatalogue measures, AreaCatalogue areas) {
        this.queries = queries;
        this.scoreboard = scoreboard;
        this.measures = measures;
        this.areas = areas;
    }

    /** Every indicator of the catalogue, and every measure of each, those without data too. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorsSummary indicators() {
        ScoreboardView board = scoreboard.current(true);
        Map<String, List<EuTotalSummary>> totals = queries.euTotals(new SeriesWhere().areas(Set.of(AreaCatalogue.EU))
                        .headline(measures.headlinesByMeasure())).stream()
                .collect(Collectors.groupingBy(t -> measureOf(t.seriesKey()), TreeMap::new, Collectors.toList()));
        Map<String, IndicatorCounts> counted = board.indicators().stream()
                .collect(Collectors.toMap(IndicatorCounts::indicator, i -> i));
        Map<String, Set<String>> measuresOf = new TreeMap<>();
        measures.indicatorsByMeasure().forEach((measure, indicator) ->
                measuresOf.computeIfAbsent(indicator, i -> new TreeSet<>()).add(measure));
        counted.values().forEach(i -> i.measures().forEach(m ->
                measuresOf.computeIfAbsent(i.indicator(), k -> new TreeSet<>()).add(m.measure())));
        List<IndicatorSummary> indicators = measuresOf.entrySet().stream()
                .map(e -> indicator(e.getKey(), e.getValue(), counted.get(e.getKey()), totals)).toList();
        return new IndicatorsSummary(board.total(), indicators);
    }

    /** One indicator, or null when neither the catalogue nor the store knows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorSummary indicator(String code) {
        return indicators().indicators().stream().filter(i -> i.indicator().equals(code)).findFirst().orElse(null);
    }

    /**
     * One measure: counts of the filtered series, the EU totals (of the filter's dimensions, whatever its areas)
     * and a page of the series that are not computed totals, ranked by latest value.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MeasureSummary measure(TrendFilter filter, MeasureFacts facts, PageRequest page) {
        TrendFilter everyArea = TrendFilter.of(filter.measure(), Set.of(), filter.dimensions());
        List<EuTotalSummary> euTotals = queries.euTotals(SeriesWhere.of(everyArea));
        long total = queries.count(SeriesWhere.of(filter).computed(false));
        return new MeasureSummary(filter.measure(), facts.indicator(), facts.unit(), facts.desiredDirection().name(),
                queries.counts(SeriesWhere.of(filter)), euTotals, new SeriesPage(page.page(), page.size(), total),
                queries.series(SeriesWhere.of(filter).computed(false), BY_LATEST_VALUE, page));
    }

    /** A country with its sub-national areas (waste-water sites), or an aggregate: its headline series. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AreaSummary area(String area, PageRequest page) {
        Map<String, HeadlineSelection> headlines = measures.headlinesByMeasure();
        Set<String> covered = areas.areasOf(area);
        AreaCatalogue.AreaInfo info = areas.info(area);
        long total = queries.count(new SeriesWhere().areas(covered).headline(headlines));
        return new AreaSummary(area, info.label(), info.group(),
                queries.counts(new SeriesWhere().areas(covered).headline(headlines)),
                new SeriesPage(page.page(), page.size(), total),
                queries.series(new SeriesWhere().areas(covered).headline(headlines), BY_MEASURE, page));
    }

    private static IndicatorSummary indicator(String code, Set<String> measureCodes, IndicatorCounts counts,
                                              Map<String, List<EuTotalSummary>> totals) {
        Map<String, Counts> byMeasure = counts == null ? Map.of() : counts.measures().stream()
                .collect(Collectors.toMap(MeasureCounts::measure, MeasureCounts::counts));
        List<MeasureOverview> overview = measureCodes.stream()
                .map(m -> new MeasureOverview(m, byMeasure.getOrDefault(m, Counts.NONE), totals.getOrDefault(m, List.of())))
                .toList();
        return new IndicatorSummary(code, counts == null ? Counts.NONE : counts.counts(), overview);
    }

    private static String measureOf(String seriesKey) {
        return seriesKey.substring(0, seriesKey.indexOf(':'));
    }

    /** Changes with every trend write and the catalogue facts summaries group and label by. */
    public String versionTag() {
        return "summaries-" + scoreboard.versionTag(true) + "-" + Integer.toHexString(Objects.hash(areas.fingerprint()));
    }
}
