package eu.drugsplan.common.outbox;

import eu.drugsplan.common.jdbc.CopyIn;
import eu.drugsplan.common.jdbc.CopyText;
import eu.drugsplan.common.jdbc.SequenceIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bulk way into the outbox: many records with one COPY on the caller's connection, in its transaction,
 * instead of an entity per record ({@link Outbox#append} writes one). indicators-service announces a batch's
 * changed series with it, submissions-service a submission's accepted rows. The relay publishes them in id order.
 */
public final class OutboxRows {

    static final String COPY = "copy outbox_event (id, event_id, topic, message_key, payload, created_at, traceparent)"
            + " from stdin";

    /** One record for the relay to publish; traceparent continues the writer's trace, null for none. */
    public record Row(UUID eventId, String key, String payload, String traceparent) {
    }

    private OutboxRows() {
    }

    /** @return the first and last id written, or null when there was nothing to write */
    public static long[] append(Connection connection, String topic, List<Row> rows, Instant createdAt)
            throws SQLException {
        if (rows.isEmpty()) {
            return null;
        }
        long[] ids = SequenceIds.reserve(connection, "outbox_event_seq", rows.size());
        try (Writer out = CopyIn.open(connection, COPY)) {
            CopyText text = new CopyText(out);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                text.field(ids[i]).field(row.eventId()).field(topic).field(row.key()).field(row.payload())
                        .field(createdAt).field(row.traceparent()).endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {ids[0], ids[ids.length - 1]};
    }
}
