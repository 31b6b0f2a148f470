package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.reporting.service.ScoreboardView.Counts;
import eu.drugsplan.reporting.service.SummaryView.EuTotalSummary;
import eu.drugsplan.reporting.service.SummaryView.LatestPoint;
import eu.drugsplan.reporting.service.SummaryView.SeriesSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;

/**
 * Reads the few fields a summary shows straight out of the stored trend documents (PostgreSQL's jsonb operators):
 * a summary of 1,092 waste-water series never loads their points.
 */
@ApplicationScoped
class SummaryQueries {

    private static final String COLUMNS = "select series_key, measure, area, cast(dimensions as text), overall, "
            + "trend -> 'latest' ->> 'period', trend -> 'latest' ->> 'value', trend -> 'yearOnYear' ->> 'label', "
            + "trend -> 'yearOnYear' ->> 'percentChange', trend ->> 'unit'";
    private static final TypeReference<Map<String, String>> DIMENSIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<CoveragePoint>> COVERAGE = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AreaCatalogue areas;
    private final MeasureCatalogue measures;

    SummaryQueries(EntityManager entityManager, ObjectMapper json, AreaCatalogue areas, MeasureCatalogue measures) {
        this.entityManager = entityManager;
        this.json = json;
        this.areas = areas;
        this.measures = measures;
    }

    /** Counts by overall assessment of the matching series. */
    @SuppressWarnings("unchecked")
    Counts counts(SeriesWhere where) {
        List<Object[]> rows = where.bind(entityManager.createNativeQuery(
                "select overall, count(*) from series_trend" + where.sql() + " group by overall")).getResultList();
        Tally tally = new Tally();
        rows.forEach(row -> tally.add((String) row[0], ((Number) row[1]).longValue()));
        return tally.counts();
    }

    long count(SeriesWhere where) {
        return ((Number) where.bind(entityManager.createNativeQuery("select count(*) from series_trend" + where.sql()))
                .getSingleResult()).longValue();
    }

    /** A page of the matching series in the given order (a fixed SQL text of the callers, never from a request). */
    @SuppressWarnings("unchecked")
    List<SeriesSummary> series(SeriesWhere where, String order, PageRequest page) {
        Query query = where.bind(entityManager.createNativeQuery(COLUMNS + " from series_trend" + where.sql()
                + " order by " + order + " limit :limit offset :offset"));
        query.setParameter("limit", page.size()).setParameter("offset", page.offset());
        Map<String, String> indicators = measures.indicatorsByMeasure();
        return ((List<Object[]>) query.getResultList()).stream().map(row -> series(row, indicators)).toList();
    }

    /** The computed EU totals among the matching series, with their coverage. */
    @SuppressWarnings("unchecked")
    List<EuTotalSummary> euTotals(SeriesWhere where) {
        List<Object[]> rows = where.computed(true).bind(entityManager.createNativeQuery(COLUMNS
                + ", cast(trend -> 'coverage' as text) from series_trend" + where.sql() + " order by series_key"))
                .getResultList();
        return rows.stream().map(this::euTotal).toList();
    }

    private SeriesSummary series(Object[] row, Map<String, String> indicators) {
        String measure = (String) row[1];
        AreaCatalogue.AreaInfo area = areas.info((String) row[2]);
        return new SeriesSummary((String) row[0], measure, indicators.get(measure), area.area(), area.label(),
                area.country(), area.group(), read((String) row[3], DIMENSIONS), (String) row[9], latest(row),
                (String) row[4], (String) row[7], row[8] == null ? null : Double.valueOf((String) row[8]),
                area.position());
    }

    private EuTotalSummary euTotal(Object[] row) {
        List<CoveragePoint> coverage = row[10] == null ? List.of() : read((String) row[10], COVERAGE);
        CoveragePoint last = coverage.isEmpty() ? null : coverage.get(coverage.size() - 1);
        return new EuTotalSummary((String) row[0], read((String) row[3], DIMENSIONS), (String) row[9], latest(row),
                (String) row[4], last == null ? areas.memberStates().size() : last.memberStates(),
                last == null ? 0 : last.reporting(), coverage.stream().anyMatch(p -> !p.complete()), coverage);
    }

    private static LatestPoint latest(Object[] row) {
        return row[5] == null || row[6] == null ? null : new LatestPoint((String) row[5], Double.parseDouble((String) row[6]));
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored trend document cannot be read", e);
        }
    }
}
