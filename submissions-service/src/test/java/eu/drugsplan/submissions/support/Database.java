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

    /** Outbox records whose payload names the submission. */
    public static long eventsOf(AgroalDataSource dataSource, String submissionId) {
        return count(dataSource, "select count(*) from outbox_event where payload like ?", "%\"submissionId\":\"" + submissionId + "\"%");
    }
}
