package eu.drugsplan.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

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

    /**
     * How many series match and the highest revision among them: the version tag changes with every write of a
     * matching row and when a matching row appears.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Matching matching(TrendFilter filter) {
        SeriesWhere where = SeriesWhere.of(filter);
        Object[] row = (Object[]) where.bind(entityManager.createNativeQuery(
                "select count(*), coalesce(max(revision), 0) from series_trend" + where.sql())).getSingleResult();
        return new Matching(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The stored trend JSON of one page of the matching series, by series key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> trends(TrendFilter filter, PageRequest page) {
        SeriesWhere where = SeriesWhere.of(filter);
        return where.bind(entityManager.createNativeQuery("select cast(trend as text) from series_trend" + where.sql()
                        + " order by series_key limit :limit offset :offset"))
                .setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList();
    }

    public record Matching(long count, long revision) {

        public String versionTag() {
            return "trends-" + count + "-" + revision;
        }
    }
}
