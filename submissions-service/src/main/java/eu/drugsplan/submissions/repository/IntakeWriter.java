package eu.drugsplan.submissions.repository;

import eu.drugsplan.common.jdbc.CopyIn;
import eu.drugsplan.common.jdbc.CopyText;
import eu.drugsplan.common.jdbc.SequenceIds;
import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.common.outbox.OutboxRows;
import eu.drugsplan.common.outbox.TraceContext;
import eu.drugsplan.submissions.service.Conflict;
import eu.drugsplan.submissions.service.IntakePipeline.PendingEvent;
import eu.drugsplan.submissions.service.plausibility.Warning;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes the rows of a submission in bulk with PostgreSQL COPY, inside the caller's transaction (the
 * connection Agroal enlisted in it), so accepted rows and their outbox records commit together. The outbox
 * records go through common's {@link OutboxRows}, the one bulk writer of the outbox table; ids come from the
 * tables' sequences by common's {@link SequenceIds} convention, the one Hibernate uses beside them.
 */
@ApplicationScoped
public class IntakeWriter {

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
        // the relay sends it with each record, so indicators-service continues this submission's trace
        String traceparent = TraceContext.current();
        List<OutboxRows.Row> rows = events.stream()
                .map(e -> new OutboxRows.Row(e.eventId(), e.key(), e.payload(), traceparent)).toList();
        long[] range;
        try (Connection connection = dataSource.getConnection()) {
            range = OutboxRows.append(connection, topic, rows, createdAt);
        } catch (SQLException e) {
            throw new IllegalStateException("observation events could not be written: " + e.getMessage(), e);
        }
        // without it the records wait for the relay's fallback poll: half its interval on average
        outbox.wakeRelayAfterCommit();
        return range;
    }

    /** The events of rows under review: they wait in submission_event, each with the body that must release it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdEvents(UUID submissionId, String topic, List<PendingEvent> events, Instant createdAt) {
        String traceparent = TraceContext.current();
        copy("submission_event_seq", "copy submission_event (id, submission_id, body, event_id, topic, message_key,"
                + " payload, created_at, traceparent) from stdin", "held events", events, (row, event) -> row
                .field(submissionId).field(event.heldFor()).field(event.eventId()).field(topic).field(event.key())
                .field(event.payload()).field(createdAt).field(traceparent));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendConflicts(UUID submissionId, List<Conflict> conflicts) {
        copy("submission_conflict_seq", "copy submission_conflict (id, submission_id, row_pointer, field, code,"
                + " message) from stdin", "conflicts", conflicts, (row, conflict) -> row.field(submissionId)
                .field(conflict.row()).field(conflict.field()).field(conflict.code().name()).field(conflict.message()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendWarnings(UUID submissionId, List<Warning> warnings) {
        copy("submission_warning_seq", "copy submission_warning (id, submission_id, row_pointer, field, code,"
                + " message, series_key, period, value, reference, score) from stdin", "warnings", warnings,
                (row, warning) -> row.field(submissionId).field(warning.row()).field(warning.field())
                        .field(warning.code().name()).field(warning.message()).field(warning.series())
                        .field(warning.period()).field(warning.value()).field(warning.reference())
                        .field(warning.score() == null ? null : warning.score().toString()));
    }

    /** The columns of one row after its id. */
    private interface Columns<T> {
        void write(CopyText row, T item);
    }

    /** Each item one row, its id first, from the sequence. */
    private <T> void copy(String sequence, String copySql, String what, List<T> items, Columns<T> columns) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            long[] ids = SequenceIds.reserve(connection, sequence, items.size());
            try (Writer out = CopyIn.open(connection, copySql)) {
                CopyText text = new CopyText(out);
                for (int i = 0; i < items.size(); i++) {
                    columns.write(text.field(ids[i]), items.get(i));
                    text.endRow();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
