package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.databind.ObjectWriter;
import eu.drugsplan.common.event.ObservationAction;
import eu.drugsplan.common.event.ObservationChange;
import eu.drugsplan.common.series.SeriesKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Validates the rows of one submission and turns the accepted ones into serialized observation events,
 * gathered in chunks for the writer: the accepted rows of one series within a chunk become one event (or a few,
 * see {@link EventSplitter}), in row order. Pure computation: it stores nothing itself.
 */
public final class IntakePipeline {

    private final RowValidator validator;
    private final SubmissionCounts counts = new SubmissionCounts();
    private final List<Conflict> shownConflicts = new ArrayList<>();
    private final int maxConflictsShown;
    private final EventSplitter events;
    private Map<SeriesKey, List<ObservationChange>> accepted = new LinkedHashMap<>();
    private int acceptedRows;
    private List<Conflict> conflicts = new ArrayList<>();

    public IntakePipeline(RowValidator validator, ObjectWriter eventWriter, UUID submissionId, String reporter,
                          Instant receivedAt, int maxConflictsShown, int observationsPerEvent, int eventMaxBytes) {
        this.validator = validator;
        this.maxConflictsShown = maxConflictsShown;
        this.events = new EventSplitter(eventWriter, submissionId, reporter, receivedAt, observationsPerEvent,
                eventMaxBytes);
    }

    /** Accepted rows of one series, ready for the outbox. */
    public record PendingEvent(UUID eventId, String key, String payload) {
    }

    /** What one chunk adds: the events (holding acceptedRows rows) and conflicts to store. */
    public record Chunk(List<PendingEvent> events, int acceptedRows, List<Conflict> conflicts) {
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
        return acceptedRows + conflicts.size();
    }

    public Chunk takeChunk() {
        List<PendingEvent> chunkEvents = new ArrayList<>();
        accepted.forEach((series, changes) -> chunkEvents.addAll(events.events(series, changes)));
        Chunk chunk = new Chunk(chunkEvents, acceptedRows, conflicts);
        accepted = new LinkedHashMap<>();
        acceptedRows = 0;
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
        SeriesKey series = SeriesKey.of(row.measure(), row.area(), row.dimensions());
        accepted.computeIfAbsent(series, key -> new ArrayList<>()).add(new ObservationChange(action, row.period(),
                RowValidator.value(row).orElse(null), RowValidator.status(row), row.comment()));
        acceptedRows++;
        if (action == ObservationAction.DELETE) {
            counts.deleted++;
        } else {
            counts.accepted++;
        }
    }
}
