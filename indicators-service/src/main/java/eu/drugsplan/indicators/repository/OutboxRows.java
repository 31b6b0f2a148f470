package eu.drugsplan.indicators.repository;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A batch's announcements written to the outbox with one COPY in the caller's transaction, instead of an entity
 * per series: a bulk load announces about as many series as it has events. The relay publishes them in id order.
 */
public final class OutboxRows {

    /**
     * The increment of outbox_event_seq (V1). A sequence value v reserves the ids [v .. v+99], as Hibernate's
     * pooled-lo optimizer (Quarkus's default) reads it for the outbox entity that {@code Outbox.append} writes (the
     * catalogue at start), so the two never hand out the same id; submissions-service's intake reserves them so too.
     */
    static final int ID_BLOCK = 100;

    /** One record for the relay to publish. */
    public record Row(UUID eventId, String key, String payload, String traceparent) {
    }

    private final Connection connection;

    public OutboxRows(Connection connection) {
        this.connection = connection;
    }

    public void append(String topic, List<Row> rows, Instant createdAt) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = reserveIds(rows.size());
        CopyText text = new CopyText();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            text.field(ids.get(i)).field(row.eventId()).field(topic).field(row.key()).field(row.payload())
                    .field(createdAt).field(row.traceparent()).endRow();
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy outbox_event (id, event_id, topic, message_key, payload, created_at, traceparent) from stdin",
                    new StringReader(text.text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Long> reserveIds(int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement next = connection.prepareStatement(
                "select nextval('outbox_event_seq') from generate_series(1, ?)")) {
            next.setInt(1, (count + ID_BLOCK - 1) / ID_BLOCK);
            try (ResultSet values = next.executeQuery()) {
                while (values.next()) {
                    long low = values.getLong(1);
                    for (long id = low; id < low + ID_BLOCK; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        Collections.sort(ids);
        return ids.subList(0, count);
    }
}
