package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.trend.OverallAssessment.Label;
import eu.drugsplan.reporting.service.ScoreboardView.CountryCounts;
import eu.drugsplan.reporting.service.ScoreboardView.Counts;
import eu.drugsplan.reporting.service.ScoreboardView.IndicatorCounts;
import eu.drugsplan.reporting.service.ScoreboardView.MeasureCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts stored trends by their overall assessment label. The database groups by (measure, area, label),
 * which is a few thousand rows at most; indicators come from the catalogue's measure list and countries
 * from the REF_AREA hierarchy.
 */
@ApplicationScoped
public class Scoreboard {

    /** Where a measure the catalogue does not know (or a catalogue that cannot be asked) is counted. */
    public static final String UNKNOWN_INDICATOR = "UNKNOWN";

    private final EntityManager entityManager;
    private final MeasureCatalogue measures;
    private final AreaCatalogue areas;

    public Scoreboard(EntityManager entityManager, MeasureCatalogue measures, AreaCatalogue areas) {
        this.entityManager = entityManager;
        this.measures = measures;
        this.areas = areas;
    }

    /** Changes with every trend write and with the catalogue facts the counts are grouped by. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String versionTag(boolean headlineOnly) {
        long revision = ((Number) entityManager
                .createNativeQuery("select coalesce(max(revision), 0) from series_trend").getSingleResult()).longValue();
        return "scoreboard-" + (headlineOnly ? "headline-" : "all-") + revision + "-"
                + Integer.toHexString(Objects.hash(measures.indicatorsByMeasure(),
                headlineOnly ? measures.headlinesByMeasure() : null, areas.fingerprint()));
    }

    /**
     * @param headlineOnly count only the headline series of each measure (its catalogue headline selection),
     *                     not every statistic or breakdown of the same area
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public ScoreboardView current(boolean headlineOnly) {
        Map<String, HeadlineSelection> headlines = headlineOnly ? measures.headlinesByMeasure() : Map.of();
        HeadlineCondition headline = new HeadlineCondition(headlines);
        Query query = entityManager.createNativeQuery("select measure, area, overall, count(*) from series_trend where "
                + headline.sql() + " group by measure, area, overall");
        headline.bind(query);
        List<Object[]> rows = query.getResultList();
        Map<String, String> indicatorOf = measures.indicatorsByMeasure();
        Node total = new Node();
        Map<String, Node> countries = new TreeMap<>();
        for (Object[] row : rows) {
            String measure = (String) row[0];
            String indicator = Objects.requireNonNullElse(indicatorOf.get(measure), UNKNOWN_INDICATOR);
            Label label = row[2] == null ? null : Label.valueOf((String) row[2]);
            long count = ((Number) row[3]).longValue();
            total.add(indicator, measure, label, count);
            countries.computeIfAbsent(areas.countryOf((String) row[1]), c -> new Node())
                    .add(indicator, measure, label, count);
        }
        return new ScoreboardView(total.tally.counts(), total.indicators(),
                countries.entrySet().stream()
                        .map(e -> new CountryCounts(e.getKey(), e.getValue().tally.counts(), e.getValue().indicators()))
                        .toList());
    }

    /** Counts of one scope, and of its indicators and their measures. */
    private static final class Node {
        final Tally tally = new Tally();
        final Map<String, Tally> byIndicator = new TreeMap<>();
        final Map<String, Map<String, Tally>> byMeasure = new TreeMap<>();

        void add(String indicator, String measure, Label label, long count) {
            tally.add(label, count);
            byIndicator.computeIfAbsent(indicator, i -> new Tally()).add(label, count);
            byMeasure.computeIfAbsent(indicator, i -> new TreeMap<>()).computeIfAbsent(measure, m -> new Tally())
                    .add(label, count);
        }

        List<IndicatorCounts> indicators() {
            return byIndicator.entrySet().stream()
                    .map(e -> new IndicatorCounts(e.getKey(), e.getValue().counts(),
                            byMeasure.get(e.getKey()).entrySet().stream()
                                    .map(m -> new MeasureCounts(m.getKey(), m.getValue().counts())).toList()))
                    .toList();
        }
    }
}
