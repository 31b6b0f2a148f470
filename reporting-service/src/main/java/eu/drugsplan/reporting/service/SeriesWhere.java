package eu.drugsplan.reporting.service;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A where clause over {@code series_trend} built from typed conditions: everything from a query string is a bound
 * parameter (code list ids too), nothing reaches the SQL text.
 */
final class SeriesWhere {

    private final StringBuilder sql = new StringBuilder(" where true");
    private final List<Map.Entry<String, Object>> parameters = new ArrayList<>();
    private HeadlineCondition headline;

    static SeriesWhere of(TrendFilter filter) {
        SeriesWhere where = new SeriesWhere().measure(filter.measure()).areas(filter.areas());
        filter.dimensions().forEach(where::dimension);
        return where;
    }

    SeriesWhere measure(String measure) {
        return condition(" and measure = :w_measure", "w_measure", measure);
    }

    /** No areas: every area. */
    SeriesWhere areas(Set<String> areas) {
        return areas.isEmpty() ? this : condition(" and area in (:w_areas)", "w_areas", areas);
    }

    SeriesWhere dimension(String codelist, Set<String> codes) {
        int i = parameters.size();
        sql.append(" and dimensions ->> :w_d").append(i).append(" in (:w_c").append(i).append(')');
        parameters.add(Map.entry("w_d" + i, codelist));
        parameters.add(Map.entry("w_c" + i, codes));
        return this;
    }

    SeriesWhere computed(boolean computed) {
        sql.append(computed ? " and computed" : " and not computed");
        return this;
    }

    SeriesWhere headline(Map<String, HeadlineSelection> headlines) {
        headline = new HeadlineCondition(headlines);
        sql.append(" and ").append(headline.sql());
        return this;
    }

    private SeriesWhere condition(String text, String name, Object value) {
        sql.append(text);
        parameters.add(Map.entry(name, value));
        return this;
    }

    String sql() {
        return sql.toString();
    }

    Query bind(Query query) {
        parameters.forEach(p -> query.setParameter(p.getKey(), p.getValue()));
        if (headline != null) {
            headline.bind(query);
        }
        return query;
    }
}
