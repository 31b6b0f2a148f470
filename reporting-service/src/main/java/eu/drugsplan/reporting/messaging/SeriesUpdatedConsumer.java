package eu.drugsplan.reporting.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.event.SeriesUpdatedEvent;
import eu.drugsplan.reporting.service.TrendUpdater;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Recomputes the trend of each series announced by indicators-service. Idempotent by data version: an
 * older or repeated event leaves the stored trend as it is. Unreadable records go to the dead-letter topic.
 * A database that cannot be reached says nothing about the record: the consumer waits for it and tries
 * again, holding its partitions, instead of dead-lettering a good event whose trend would then stay stale.
 */
@ApplicationScoped
public class SeriesUpdatedConsumer {

    private static final Logger LOG = Logger.getLogger(SeriesUpdatedConsumer.class);
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final TrendUpdater updater;
    private final ObjectMapper json;

    public SeriesUpdatedConsumer(TrendUpdater updater, ObjectMapper json) {
        this.updater = updater;
        this.json = json;
    }

    @Incoming("series-updated")
    @Blocking
    public void consume(String payload) throws JsonProcessingException, InterruptedException {
        SeriesUpdatedEvent event = json.readValue(payload, SeriesUpdatedEvent.class);
        if (event.version() != SeriesUpdatedEvent.CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported series-updated event version " + event.version());
        }
        long backoff = 250;
        while (true) {
            try {
                updater.update(event);
                return;
            } catch (RuntimeException failed) {
                if (!infrastructure(failed)) {
                    throw failed;
                }
                LOG.warnf("database unavailable while updating the trend of %s (data version %d), retrying in %d ms: %s",
                        event.seriesKey(), event.dataVersion(), backoff, failed.getMessage());
                // an interrupt (shutdown) ends the wait without acknowledging: the event is read again after a restart
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Connection failures, a server shutting down, a pool that cannot hand out a connection. */
    static boolean infrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientException || cause instanceof java.sql.SQLRecoverableException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
