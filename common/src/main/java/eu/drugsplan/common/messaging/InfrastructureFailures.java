package eu.drugsplan.common.messaging;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * The one rule the consumers use to tell "the infrastructure failed, try the record again" from "the record is
 * bad, dead-letter it". A database that cannot be reached or a service shutting down says nothing about the
 * record: dead-lettering on such a failure would send good records away during every outage.
 */
public final class InfrastructureFailures {

    private InfrastructureFailures() {
    }

    /**
     * Whether the failure, or any of its causes, is a connection failure (JDBC's transient, recoverable and
     * connection exceptions, Hibernate's {@link JDBCConnectionException}), a PostgreSQL connection or operator
     * SQLSTATE (class {@code 08}, {@code 57P}: server shutting down, admin shutdown) or a pool or client closed
     * under the work by a shutdown.
     */
    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof JDBCConnectionException
                    || connectionState(cause) || closedByShutdown(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionState(Throwable cause) {
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    // Agroal's pool and the Kafka clients throw IllegalStateException("... closed") when a shutdown closes them
    // under a running batch; the batch must be read again after the restart, not dead-lettered.
    private static boolean closedByShutdown(Throwable cause) {
        return cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("closed");
    }
}
