package eu.drugsplan.submissions.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** Observations in the outbox records of the submission (an event carries a series' rows). */
    public static long observationsOf(AgroalDataSource dataSource, String submissionId) {
        return count(dataSource, "select coalesce(sum(jsonb_array_length(payload::jsonb -> 'observations')), 0)"
                + " from outbox_event where payload like ?", "%\"submissionId\":\"" + submissionId + "\"%");
    }

    /** Observations of the submission in the outbox with the given action. */
    public static long observationsOf(AgroalDataSource dataSource, String submissionId, String action) {
        return count(dataSource, "select count(*) from outbox_event e, jsonb_array_elements(e.payload::jsonb -> 'observations') o"
                + " where e.payload like ? and o ->> 'action' = ?", "%\"submissionId\":\"" + submissionId + "\"%", action);
    }
}
