package eu.drugsplan.indicators.format;

import eu.drugsplan.indicators.repository.ObservationRow;
import java.io.IOException;

/**
 * Writes one data message while its rows stream in, in series-key, period and version order. A writer holds
 * at most one series in memory.
 */
public interface DataWriter extends AutoCloseable {

    void start() throws IOException;

    void row(ObservationRow row) throws IOException;

    /** Ends the message and flushes it; the output stream stays open. */
    void finish() throws IOException;

    @Override
    default void close() {
    }
}
