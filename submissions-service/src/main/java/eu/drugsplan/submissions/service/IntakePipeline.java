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
    private final SubmissionKeys keys;
    private Map<SeriesKey, List<ObservationChange>> accepted = new LinkedHashMap<>();
    private int acceptedRows;
    private List<Conflict> conflicts = new ArrayList<>();

    public IntakePipeline(RowValidator validator, ObjectWriter eventWriter, UUID submissionId, String reporter,
                          Instant receivedAt, int maxConflictsShown, int observationsPerEvent, int eventMaxBytes,
                          SubmissionKeys keys) {
        this.validator = validator;
        this.keys = keys;
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
            ObservationChange change = change(row);
            SeriesKey series = SeriesKey.of(row.measure(), row.area(), row.dimensions());
            if (keys.admit(series + "|" + row.period(), content(change)) != SubmissionKeys.Seen.CONFLICTING) {
                accept(series, change);
                return;
            }
            rowConflicts = List.of(Conflict.of(row.pointer(), "row", ConflictCode.DUPLICATE_KEY,
                    series + " " + row.period()));
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

    private static ObservationChange change(ObservationRow row) {
        return new ObservationChange(RowValidator.action(row.action()).orElseThrow(), row.period(),
                RowValidator.value(row).orElse(null), RowValidator.status(row), row.comment());
    }

    /**
     * What a row says, for telling a harmless repeat from a contradiction: values compared as numbers (1.5 and
     * 1.50 are one value). An accepted row's texts hold no NUL or U+0001, so they separate and mark absence.
     */
    private static String content(ObservationChange change) {
        return change.action() + "\u0000" + (change.value() == null ? "\u0001" : change.value().stripTrailingZeros())
                + "\u0000" + change.status() + "\u0000" + (change.comment() == null ? "\u0001" : change.comment());
    }

    private void accept(SeriesKey series, ObservationChange change) {
        accepted.computeIfAbsent(series, key -> new ArrayList<>()).add(change);
        acceptedRows++;
        if (change.action() == ObservationAction.DELETE) {
            counts.deleted++;
        } else {
            counts.accepted++;
        }
    }
}
