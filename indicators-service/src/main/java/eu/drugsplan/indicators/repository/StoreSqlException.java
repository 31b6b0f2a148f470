package eu.drugsplan.indicators.repository;

import java.sql.SQLException;

/** The database refused a statement of the set-wise store; the cause holds its own words. */
public class StoreSqlException extends RuntimeException {

    public StoreSqlException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
