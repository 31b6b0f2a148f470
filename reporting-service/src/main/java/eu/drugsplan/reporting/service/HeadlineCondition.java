package eu.drugsplan.reporting.service;

import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL condition "is a headline series" over {@code series_trend}, for measures with a catalogue headline
 * selection: a series of a measure without a selection always qualifies; one of a measure with a selection when its
 * dimension codes are the selection's. Measure codes, code list ids and codes are bound parameters, never SQL text.
 */
final class HeadlineCondition {

    private final Map<String, HeadlineSelection> headlines;

    HeadlineCondition(Map<String, HeadlineSelection> headlines) {
        this.headlines = new TreeMap<>(headlines);
    }

    /** The condition in parentheses, or {@code true} when no measure has a selection. */
    String sql() {
        if (headlines.isEmpty()) {
            return "true";
        }
        StringBuilder sql = new StringBuilder("(measure not in (:hl_selective)");
        int m = 0;
        for (HeadlineSelection selection : headlines.values()) {
            sql.append(" or (measure = :hl_m").append(m);
            for (int d = 0; d < selection.codes().size(); d++) {
                sql.append(" and dimensions ->> :hl_d").append(m).append('_').append(d)
                        .append(" = :hl_c").append(m).append('_').append(d);
            }
            sql.append(')');
            m++;
        }
        return sql.append(')').toString();
    }

    void bind(Query query) {
        if (headlines.isEmpty()) {
            return;
        }
        query.setParameter("hl_selective", List.copyOf(headlines.keySet()));
        int m = 0;
        for (var measure : headlines.entrySet()) {
            query.setParameter("hl_m" + m, measure.getKey());
            int d = 0;
            for (var code : measure.getValue().codes().entrySet()) {
                query.setParameter("hl_d" + m + "_" + d, code.getKey());
                query.setParameter("hl_c" + m + "_" + d, code.getValue());
                d++;
            }
            m++;
        }
    }
}
