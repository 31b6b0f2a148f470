package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import eu.drugsplan.common.event.ObservationAction;
import eu.drugsplan.common.event.ObservationChange;
import eu.drugsplan.common.event.ObservationEvent;
import eu.drugsplan.common.series.SeriesKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Validates the rows of one submission and turns the accepted ones into serialized observation events,
 * gathered in chunks for the writer: the accepted rows of one series within a chunk become one event (or a few,
 * see {@code submissions.observations-per-event}), in row order. Pure computation: it stores nothing itself.
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
    private final int observationsPerEvent;
    private Map<SeriesKey, List<ObservationChange>> accepted = new LinkedHashMap<>();
    private int acceptedRows;
    private List<Conflict> conflicts = new ArrayList<>();

    public IntakePipeline(RowValidator validator, ObjectWriter eventWriter, UUID submissionId, String reporter,
                          Instant receivedAt, int maxConflictsShown, int observationsPerEvent) {
        this.validator = validator;
        this.eventWriter = eventWriter;
        this.submissionId = submissionId;
        this.reporter = reporter;
        this.receivedAt = receivedAt;
        this.maxConflictsShown = maxConflictsShown;
        this.observationsPerEvent = observationsPerEvent;
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
        List<PendingEvent> events = new ArrayList<>();
        accepted.forEach((series, changes) -> {
            for (int from = 0; from < changes.size(); from += observationsPerEvent) {
                events.add(event(series, changes.subList(from, Math.min(changes.size(), from + observationsPerEvent))));
            }
        });
        Chunk chunk = new Chunk(events, acceptedRows, conflicts);
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

    private PendingEvent event(SeriesKey series, List<ObservationChange> changes) {
        ObservationEvent event = new ObservationEvent(ObservationEvent.CURRENT_VERSION, UUID.randomUUID(),
                submissionId, reporter, series.measure(), series.area(), new TreeMap<>(series.dimensions()),
                receivedAt, changes);
        return new PendingEvent(event.eventId(), series.toString(), serialize(event));
    }

    private String serialize(ObservationEvent event) {
        try {
            return eventWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("observation event cannot be serialized", e);
        }
    }
}
