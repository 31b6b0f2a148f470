package eu.drugsplan.indicators.service;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.indicators.catalogue.Catalogue;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.rest.CatalogueViews.CodeView;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.rest.CoverageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The coverage matrix of a measure: the areas expected to report it (the Member States and Reitox partners,
 * or the waste-water sites for a site measure) plus any other area that did report, by period.
 */
@ApplicationScoped
public class CoverageQueries {

    private final EntityManager entityManager;
    private final IndicatorsConfig config;

    public CoverageQueries(EntityManager entityManager, IndicatorsConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CoverageView of(Catalogue catalogue, MeasureView measure, String startPeriod, String endPeriod) {
        Map<String, Map<String, Map<String, Integer>>> counts = statusCounts(measure.code(), startPeriod, endPeriod);
        List<String> periods = periods(measure, counts, startPeriod, endPeriod, config.coverage().maxPeriods());
        boolean sites = config.coverage().siteMeasures().contains(measure.code());
        Map<String, String> areas = expectedAreas(catalogue, sites);
        counts.keySet().stream().sorted().forEach(area -> areas.putIfAbsent(area,
                catalogue.code("REF_AREA", area).map(CodeView::label).orElse(area)));
        List<CoverageView.AreaRow> rows = new ArrayList<>();
        areas.forEach((area, label) -> rows.add(row(area, label, periods, counts.getOrDefault(area, Map.of()))));
        return new CoverageView(measure.code(), sites ? "WASTEWATER_SITE" : "COUNTRY", periods, rows);
    }

    private static CoverageView.AreaRow row(String area, String label, List<String> periods,
                                            Map<String, Map<String, Integer>> byPeriod) {
        List<CoverageView.Cell> cells = new ArrayList<>(periods.size());
        int reported = 0;
        for (String period : periods) {
            Map<String, Integer> statuses = byPeriod.get(period);
            cells.add(statuses == null ? null : cell(statuses));
            reported += statuses == null ? 0 : 1;
        }
        return new CoverageView.AreaRow(area, label, reported, cells);
    }

    private static CoverageView.Cell cell(Map<String, Integer> statuses) {
        String main = statuses.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        int observations = statuses.values().stream().mapToInt(Integer::intValue).sum();
        return new CoverageView.Cell(main, observations, statuses.size() > 1 ? List.copyOf(new TreeSet<>(statuses.keySet())) : null);
    }

    /**
     * Annual measures get every year of the range, reported or not; others the periods that have data. Every
     * area has a cell per period, so their number is capped: more is a 400 before anything is built.
     */
    private static List<String> periods(MeasureView measure, Map<String, Map<String, Map<String, Integer>>> counts,
                                        String startPeriod, String endPeriod, int maxPeriods) {
        TreeSet<String> reported = new TreeSet<>();
        counts.values().forEach(byPeriod -> reported.addAll(byPeriod.keySet()));
        Integer first = year(startPeriod != null ? startPeriod : reported.isEmpty() ? null : reported.first());
        Integer last = year(endPeriod != null ? endPeriod : reported.isEmpty() ? null : reported.last());
        boolean everyYear = "A".equals(measure.frequency()) && first != null && last != null;
        long size = everyYear ? Math.max(0, (long) last - first + 1) : reported.size();
        if (size > maxPeriods) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "range-too-wide",
                    "The coverage of " + measure.code() + " would have " + size + " periods, more than the "
                            + maxPeriods + " one answer may hold; narrow startPeriod and endPeriod"));
        }
        if (!everyYear) {
            return List.copyOf(reported);
        }
        List<String> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            years.add(Integer.toString(year));
        }
        return years;
    }

    private static Integer year(String period) {
        return period == null ? null : Period.parse(period).map(Period::year).orElse(null);
    }

    private static Map<String, String> expectedAreas(Catalogue catalogue, boolean sites) {
        Map<String, String> areas = new LinkedHashMap<>();
        List<String> reitox = catalogue.reporters().stream().filter(r -> "REITOX_PARTNER".equals(r.kind()))
                .map(r -> r.code()).toList();
        catalogue.codelist("REF_AREA").ifPresent(list -> list.codes().forEach(code -> {
            boolean site = code.properties() != null && code.properties().path("wastewaterSite").asBoolean(false);
            boolean country = "EU27_2020".equals(code.parent()) || reitox.contains(code.code());
            if (sites ? site : country) {
                areas.put(code.code(), code.label());
            }
        }));
        return areas;
    }

    /** area -> period -> status -> number of observations. */
    private Map<String, Map<String, Map<String, Integer>>> statusCounts(String measure, String startPeriod, String endPeriod) {
        StringBuilder sql = new StringBuilder("""
                select s.area, o.period, o.status, count(*) from observation o join series s on s.id = o.series_id
                where s.measure = :measure""");
        if (startPeriod != null) {
            sql.append(" and o.period >= :start");
        }
        if (endPeriod != null) {
            sql.append(" and (o.period <= :end or o.period like :endPrefix)");
        }
        sql.append(" group by s.area, o.period, o.status");
        var query = entityManager.createNativeQuery(sql.toString()).setParameter("measure", measure);
        if (startPeriod != null) {
            query.setParameter("start", startPeriod);
        }
        if (endPeriod != null) {
            query.setParameter("end", endPeriod).setParameter("endPrefix", endPeriod + "-%");
        }
        Map<String, Map<String, Map<String, Integer>>> counts = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.computeIfAbsent((String) r[0], a -> new HashMap<>())
                    .computeIfAbsent((String) r[1], p -> new HashMap<>())
                    .put((String) r[2], ((Number) r[3]).intValue());
        }
        return counts;
    }
}
