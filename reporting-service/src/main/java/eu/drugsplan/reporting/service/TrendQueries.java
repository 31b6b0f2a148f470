package eu.drugsplan.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads stored trends. Filters run in the database (area and the dimension codes of the JSON column), and
 * a version tag of the matching rows is read first and alone, so that a conditional request that ends in
 * 304 never loads a trend document.
 */
@ApplicationScoped
public class TrendQueries {

    private final EntityManager entityManager;

    public TrendQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Changes with every write of a matching row, and when a matching row appears. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String versionTag(TrendFilter filter) {
        Object[] row = (Object[]) query("select count(*), coalesce(max(revision), 0)", filter, "").getSingleResult();
        return "trends-" + ((Number) row[0]).longValue() + "-" + ((Number) row[1]).longValue();
    }

    /** The stored trend JSON of every matching series, by series key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> trends(TrendFilter filter) {
        return query("select cast(trend as text)", filter, " order by series_key").getResultList();
    }

    private Query query(String select, TrendFilter filter, String order) {
        StringBuilder sql = new StringBuilder(select).append(" from series_trend where measure = :measure");
        if (!filter.areas().isEmpty()) {
            sql.append(" and area in (:areas)");
        }
        List<Map.Entry<String, ?>> parameters = new ArrayList<>();
        int i = 0;
        for (var dimension : filter.dimensions().entrySet()) {
            // the code list id is a bound parameter too: nothing from the query string reaches the SQL text
            sql.append(" and dimensions ->> :dimension").append(i).append(" in (:codes").append(i).append(')');
            parameters.add(Map.entry("dimension" + i, dimension.getKey()));
            parameters.add(Map.entry("codes" + i, dimension.getValue()));
            i++;
        }
        Query query = entityManager.createNativeQuery(sql.append(order).toString());
        query.setParameter("measure", filter.measure());
        if (!filter.areas().isEmpty()) {
            query.setParameter("areas", filter.areas());
        }
        parameters.forEach(p -> query.setParameter(p.getKey(), p.getValue()));
        return query;
    }
}
