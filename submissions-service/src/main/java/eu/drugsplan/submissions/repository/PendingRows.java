package eu.drugsplan.submissions.repository;

import eu.drugsplan.submissions.repository.HeldEvents.Held;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The held rows of every submission that is not official yet and may still become so: in review, or released and
 * waiting for its publication time. Returned and withdrawn rows never become official, so no draft shows them.
 * The series key ({@code MEASURE:AREA:DIM=CODE,...}, SeriesKey) is the message key: its parts are the filters.
 */
@ApplicationScoped
public class PendingRows {

    private static final String PENDING = """
            from submission_event e join submission s on s.id = e.submission_id
             where s.review_state in ('IN_REVIEW', 'RELEASED')
               and split_part(e.message_key, ':', 1) = :measure""";

    /**
     * Which series of one measure: an area or any (null), the codes of some dimensions, and the reporter whose
     * submissions alone count (null: every reporter's, for a reviewer).
     */
    public record SeriesFilter(String measure, String area, SortedMap<String, String> dimensions, String reporter) {

        public SeriesFilter {
            dimensions = new TreeMap<>(dimensions == null ? Map.of() : dimensions);
        }
    }

    /** A held event and the submission that holds it. */
    public record PendingEvent(UUID submission, Held held) {
    }

    private final EntityManager entityManager;

    public PendingRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A page of the series with pending rows, in series-key order. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> seriesPage(SeriesFilter filter, int offset, int limit) {
        Query query = entityManager.createNativeQuery("select e.message_key " + PENDING + conditions(filter)
                + " group by e.message_key order by e.message_key offset :offset limit :limit");
        return bind(query, filter).setParameter("offset", offset).setParameter("limit", limit).getResultList();
    }

    /**
     * The pending events of these series, oldest submission first and in row order within one: the order in which
     * releases would apply them if each were released as soon as it is reviewed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<PendingEvent> ofSeries(SeriesFilter filter, List<String> seriesKeys) {
        if (seriesKeys.isEmpty()) {
            return List.of();
        }
        Query query = entityManager.createNativeQuery("select s.id, e.message_key, e.payload " + PENDING
                + conditions(filter) + " and e.message_key in (:keys) order by s.received_at, s.id, e.id");
        List<Object[]> rows = bind(query, filter).setParameter("keys", seriesKeys).getResultList();
        return rows.stream().map(r -> new PendingEvent((UUID) r[0], new Held((String) r[1], (String) r[2]))).toList();
    }

    /** Each dimension's pair must be one of the key's pairs: compared whole, so that no code is read as a pattern. */
    private static String conditions(SeriesFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.area() != null) {
            sql.append(" and split_part(e.message_key, ':', 2) = :area");
        }
        if (filter.reporter() != null) {
            sql.append(" and s.reporter = :reporter");
        }
        for (int i = 0; i < filter.dimensions().size(); i++) {
            sql.append(" and position(:pair").append(i).append(" in ',' || split_part(e.message_key, ':', 3) || ',') > 0");
        }
        return sql.toString();
    }

    private static Query bind(Query query, SeriesFilter filter) {
        query.setParameter("measure", filter.measure());
        if (filter.area() != null) {
            query.setParameter("area", filter.area());
        }
        if (filter.reporter() != null) {
            query.setParameter("reporter", filter.reporter());
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>(filter.dimensions().entrySet());
        for (int i = 0; i < pairs.size(); i++) {
            query.setParameter("pair" + i, "," + pairs.get(i).getKey() + "=" + pairs.get(i).getValue() + ",");
        }
        return query;
    }
}
