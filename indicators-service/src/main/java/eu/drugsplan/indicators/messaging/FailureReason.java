package eu.drugsplan.indicators.messaging;

import eu.drugsplan.contracts.series.TextLimits;
import java.sql.SQLException;

/**
 * The reason a submission's status shows for an event the store could not apply: the database's own words
 * where it refused (PostgreSQL's "value too long for type ...", not Hibernate's statement with every bound
 * value), otherwise the innermost message, made storable and short.
 */
final class FailureReason {

    static final int MAX = 500;

    private FailureReason() {
    }

    static String of(Throwable failure) {
        String database = null;
        String innermost = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                database = innermost(sql).getMessage();
            }
            innermost = cause.getMessage() != null ? cause.getMessage() : innermost;
        }
        String message = database != null ? database : innermost;
        return TextLimits.clean(message == null ? failure.getClass().getSimpleName() : firstLine(message), MAX);
    }

    /** A batch update hides the server's error in its chain of next exceptions. */
    private static SQLException innermost(SQLException sql) {
        SQLException last = sql;
        while (last.getNextException() != null && last.getNextException() != last) {
            last = last.getNextException();
        }
        return last;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
