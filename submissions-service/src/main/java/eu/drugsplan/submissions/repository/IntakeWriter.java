package eu.drugsplan.submissions.repository;

import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.common.outbox.TraceContext;
import eu.drugsplan.submissions.service.Conflict;
import eu.drugsplan.submissions.service.IntakePipeline.PendingEvent;
import eu.drugsplan.submissions.service.plausibility.Warning;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes the rows of a submission in bulk with PostgreSQL COPY, inside the caller's transaction (the
 * connection Agroal enlisted in it), so accepted rows and their outbox records commit together.
 * Ids come from the tables' sequences in blocks of their increment, the same convention as the pooled-lo optimizer
 * Hibernate uses for the outbox entity in the same table: a sequence value v reserves [v .. v+99]. (The pooled
 * convention, (v-99 .. v], collided with Hibernate's ids once a transaction wrote both, found by the real-data check.)
 */
@ApplicationScoped
public class IntakeWriter {

    /** The increment of outbox_event_seq, submission_conflict_seq (V1), submission_warning_seq (V6), submission_event_seq (V7). */
    static final int ID_BLOCK = 100;

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    public IntakeWriter(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** @return the first and last outbox id written, or null when there was nothing to write */
    @Transactional(Transactional.TxType.MANDATORY)
    public long[] appendEvents(String topic, List<PendingEvent> events, Instant createdAt) {
        if (events.isEmpty()) {
            return null;
        }
        long[] range = copyEvents("outbox_event_seq", "copy outbox_event (id, event_id, topic, message_key, payload, "
                + "created_at, traceparent) from stdin", null, topic, events, createdAt);
        // without it the records wait for the relay's fallback poll: half its interval on average
        outbox.wakeRelayAfterCommit();
        return range;
    }

    /** The events of rows under review: they wait in submission_event, each with the body that must release it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdEvents(UUID submissionId, String topic, List<PendingEvent> events, Instant createdAt) {
        if (events.isEmpty()) {
            return;
        }
        copyEvents("submission_event_seq", "copy submission_event (id, submission_id, body, event_id, topic, "
                + "message_key, payload, created_at, traceparent) from stdin", submissionId, topic, events, createdAt);
    }

    /** heldBy: the submission whose review the events wait for, null for the outbox (no such columns). */
    private long[] copyEvents(String sequence, String copySql, UUID heldBy, String topic, List<PendingEvent> events,
                              Instant createdAt) {
        try (Connection connection = dataSource.getConnection()) {
            long[] ids = reserveIds(connection, sequence, events.size());
            String created = createdAt.toString();
            // the relay sends it with each record, so indicators-service continues this submission's trace
            String traceparent = TraceContext.current();
            try (Writer out = copy(connection, copySql)) {
                for (int i = 0; i < events.size(); i++) {
                    PendingEvent event = events.get(i);
                    field(out, Long.toString(ids[i]));
                    if (heldBy != null) {
                        field(out, heldBy.toString());
                        field(out, event.heldFor());
                    }
                    field(out, event.eventId().toString());
                    field(out, topic);
                    field(out, event.key());
                    field(out, event.payload());
                    field(out, created);
                    escape(out, traceparent);
                    out.write('\n');
                }
            }
            return new long[] {ids[0], ids[ids.length - 1]};
        } catch (SQLException e) {
            throw new IllegalStateException("observation events could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendConflicts(UUID submissionId, List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            long[] ids = reserveIds(connection, "submission_conflict_seq", conflicts.size());
            String submission = submissionId.toString();
            try (Writer out = copy(connection, "copy submission_conflict (id, submission_id, row_pointer, field, code, message) from stdin")) {
                for (int i = 0; i < conflicts.size(); i++) {
                    Conflict conflict = conflicts.get(i);
                    field(out, Long.toString(ids[i]));
                    field(out, submission);
                    field(out, conflict.row());
                    field(out, conflict.field());
                    field(out, conflict.code().name());
                    escape(out, conflict.message());
                    out.write('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("conflicts could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendWarnings(UUID submissionId, List<Warning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            long[] ids = reserveIds(connection, "submission_warning_seq", warnings.size());
            String submission = submissionId.toString();
            try (Writer out = copy(connection, "copy submission_warning (id, submission_id, row_pointer, field, code, "
                    + "message, series_key, period, value, reference, score) from stdin")) {
                for (int i = 0; i < warnings.size(); i++) {
                    Warning warning = warnings.get(i);
                    field(out, Long.toString(ids[i]));
                    field(out, submission);
                    field(out, warning.row());
                    field(out, warning.field());
                    field(out, warning.code().name());
                    field(out, warning.message());
                    field(out, warning.series());
                    field(out, warning.period());
                    field(out, warning.value() == null ? null : warning.value().toPlainString());
                    field(out, warning.reference() == null ? null : warning.reference().toPlainString());
                    escape(out, warning.score() == null ? null : warning.score().toString());
                    out.write('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("warnings could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Writer copy(Connection connection, String sql) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(postgres, sql, 1 << 20),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** Ascending ids for count rows: one sequence call per block of ID_BLOCK, each value the low end of its block. */
    private static long[] reserveIds(Connection connection, String sequence, int count) throws SQLException {
        long[] ids = new long[count];
        int filled = 0;
        while (filled < count) {
            int blocks = (count - filled + ID_BLOCK - 1) / ID_BLOCK;
            try (PreparedStatement next = connection.prepareStatement(
                    "select nextval('" + sequence + "') from generate_series(1, ?)")) {
                next.setInt(1, blocks);
                try (ResultSet values = next.executeQuery()) {
                    while (values.next() && filled < count) {
                        long low = values.getLong(1);
                        for (long id = low; id < low + ID_BLOCK && filled < count; id++) {
                            ids[filled++] = id;
                        }
                    }
                }
            }
        }
        return ids;
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static void field(Writer out, String text) throws IOException {
        escape(out, text);
        out.write('\t');
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped; null is \N. */
    private static void escape(Writer out, String text) throws IOException {
        if (text == null) {
            out.write("\\N");
            return;
        }
        if (!needsEscape(text)) {
            out.write(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }
}
