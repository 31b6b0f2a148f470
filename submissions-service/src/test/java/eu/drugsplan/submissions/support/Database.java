package eu.drugsplan.submissions.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Counts what intake left in the service's own tables, as the relay and the status resource see it. */
public final class Database {

    private Database() {
    }

    public static long count(AgroalDataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The submission's observation events wherever they are: in the outbox, or waiting for their release in
     * submission_event (a released event is in both, and counted once).
     */
    public static final String EVENTS = "(select id, event_id, payload from outbox_event where topic = 'observations.v1' union all"
            + " select id, event_id, payload from submission_event h where not exists"
            + " (select 1 from outbox_event o where o.event_id = h.event_id))";

    /** Observations in the events of the submission (an event carries a series' rows). */
    public static long observationsOf(AgroalDataSource dataSource, String submissionId) {
        return count(dataSource, "select coalesce(sum(jsonb_array_length(payload::jsonb -> 'observations')), 0)"
                + " from " + EVENTS + " e where payload like ?", "%\"submissionId\":\"" + submissionId + "\"%");
    }

    /** Observations of the submission in the outbox with the given action. */
    public static long observationsOf(AgroalDataSource dataSource, String submissionId, String action) {
        return count(dataSource, "select count(*) from " + EVENTS + " e, jsonb_array_elements(e.payload::jsonb -> 'observations') o"
                + " where e.payload like ? and o ->> 'action' = ?", "%\"submissionId\":\"" + submissionId + "\"%", action);
    }

    /**
     * The submission's observations in the outbox, each as area|period|dimensions|value|comment (the value as a
     * plain decimal, so 1.10 and 1.1 read alike), for comparing with what was sent.
     */
    public static List<String> observations(AgroalDataSource dataSource, String submissionId) {
        String sql = "select e.payload::jsonb ->> 'area', o ->> 'period', (e.payload::jsonb -> 'dimensions')::text,"
                + " o ->> 'value', o ->> 'comment' from " + EVENTS + " e,"
                + " jsonb_array_elements(e.payload::jsonb -> 'observations') o where e.payload like ?";
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "%\"submissionId\":\"" + submissionId + "\"%");
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String value = result.getString(4) == null ? null
                            : new BigDecimal(result.getString(4)).stripTrailingZeros().toPlainString();
                    rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                            + value + "|" + result.getString(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
