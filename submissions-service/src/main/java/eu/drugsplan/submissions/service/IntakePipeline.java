package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import eu.drugsplan.common.event.ObservationAction;
import eu.drugsplan.common.event.ObservationEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Validates the rows of one submission and turns the accepted ones into serialized observation events,
 * gathered in chunks for the writer. Pure computation: it stores nothing itself.
 */
public final class IntakePipeline {

    private final RowValidator validator;
    private final ObjectWriter eventWriter;
    private final UUID submissionId;
    private final String reporter;
    private final Instant receivedAt;
    private final SubmissionCounts counts = new SubmissionCounts();
    private final List<Conflict> shownConflicts = new ArrayList<>();
    private final int maxConflictsShown;
    private List<PendingEvent> events = new ArrayList<>();
    private List<Conflict> conflicts = new ArrayList<>();

    public IntakePipeline(RowValidator validator, ObjectWriter eventWriter, UUID submissionId, String reporter,
                          Instant receivedAt, int maxConflictsShown) {
        this.validator = validator;
        this.eventWriter = eventWriter;
        this.submissionId = submissionId;
        this.reporter = reporter;
        this.receivedAt = receivedAt;
        this.maxConflictsShown = maxConflictsShown;
    }

    /** An accepted row ready for the outbox. */
    public record PendingEvent(UUID eventId, String key, String payload) {
    }

    /** What one chunk adds: the events and conflicts to store. */
    public record Chunk(List<PendingEvent> events, List<Conflict> conflicts) {
    }

    public void consume(ObservationRow row) {
        counts.received++;
        List<Conflict> rowConflicts = validator.validate(row);
        if (rowConflicts.isEmpty()) {
            accept(row);
            return;
        }
        counts.rejected++;
        conflicts.addAll(rowConflicts);
        for (Conflict conflict : rowConflicts) {
            if (shownConflicts.size() < maxConflictsShown) {
                shownConflicts.add(conflict);
            }
        }
    }

    /** Rows consumed since the last chunk was taken. */
    public int pendingRows() {
        return events.size() + conflicts.size();
    }

    public Chunk takeChunk() {
        Chunk chunk = new Chunk(events, conflicts);
        events = new ArrayList<>();
        conflicts = new ArrayList<>();
        return chunk;
    }

    public SubmissionCounts counts() {
        return counts;
    }

    public List<Conflict> shownConflicts() {
        return shownConflicts;
    }

    private void accept(ObservationRow row) {
        ObservationAction action = RowValidator.action(row.action()).orElseThrow();
        ObservationEvent event = new ObservationEvent(
                ObservationEvent.CURRENT_VERSION, UUID.randomUUID(), submissionId, reporter, action,
                row.measure(), row.area(), new TreeMap<>(row.dimensions()), row.period(),
                RowValidator.value(row).orElse(null), RowValidator.status(row), row.comment(), receivedAt);
        events.add(new PendingEvent(event.eventId(), event.seriesKey().toString(), serialize(event)));
        if (action == ObservationAction.DELETE) {
            counts.deleted++;
        } else {
            counts.accepted++;
        }
    }

    private String serialize(ObservationEvent event) {
        try {
            return eventWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("observation event cannot be serialized", e);
        }
    }
}
