package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.databind.ObjectWriter;
import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.submissions.service.plausibility.SubmittedValue;
import eu.drugsplan.submissions.service.plausibility.Warning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Validates the rows of one submission and turns the accepted ones into serialized observation events,
 * gathered in chunks for the writer: the accepted rows of one series within a chunk become one event (or a few,
 * see {@link EventSplitter}), in row order; the chunk's accepted rows are checked for plausibility when it is
 * taken ({@link WarningCheck}). It stores nothing itself.
 */
public final class IntakePipeline {

    private final RowValidator validator;
    private final Function<String, String> heldFor;
    private final SubmissionCounts counts = new SubmissionCounts();
    private final List<Conflict> shownConflicts = new ArrayList<>();
    private final int maxConflictsShown;
    private final EventSplitter events;
    private final SubmissionKeys keys;
    private final WarningCheck warningCheck;
    private final List<Warning> shownWarnings = new ArrayList<>();
    private Map<SeriesKey, List<ObservationChange>> accepted = new LinkedHashMap<>();
    private List<SubmittedValue> submitted = new ArrayList<>();
    private int acceptedRows;
    private List<Conflict> conflicts = new ArrayList<>();

    public IntakePipeline(RowValidator validator, ObjectWriter eventWriter, UUID submissionId, String reporter,
                          Instant receivedAt, int maxConflictsShown, int observationsPerEvent, int eventMaxBytes,
                          SubmissionKeys keys, WarningCheck warningCheck) {
        this(validator, eventWriter, submissionId, reporter, receivedAt, maxConflictsShown, observationsPerEvent,
                eventMaxBytes, keys, warningCheck, measure -> null);
    }

    /** heldFor: the body that must release a measure's rows, null when they are official on submission. */
    public IntakePipeline(RowValidator validator, ObjectWriter eventWriter, UUID submissionId, String reporter,
                          Instant receivedAt, int maxConflictsShown, int observationsPerEvent, int eventMaxBytes,
                          SubmissionKeys keys, WarningCheck warningCheck, Function<String, String> heldFor) {
        this.heldFor = heldFor;
        this.validator = validator;
        this.keys = keys;
        this.warningCheck = warningCheck;
        this.maxConflictsShown = maxConflictsShown;
        this.events = new EventSplitter(eventWriter, submissionId, reporter, receivedAt, observationsPerEvent,
                eventMaxBytes);
    }

    /**
     * Accepted rows of one series, ready for the outbox; heldFor: the reviewing body they wait for (then they
     * wait in submission_event), null when they are official on submission.
     */
    public record PendingEvent(UUID eventId, String key, String payload, String heldFor) {

        public PendingEvent(UUID eventId, String key, String payload) {
            this(eventId, key, payload, null);
        }

        PendingEvent heldFor(String body) {
            return body == null ? this : new PendingEvent(eventId, key, payload, body);
        }
    }

    /** What one chunk adds: the events (holding acceptedRows rows), conflicts and warnings to store. */
    public record Chunk(List<PendingEvent> events, int acceptedRows, List<Conflict> conflicts, List<Warning> warnings) {
    }

    /** The plausibility checks of a chunk's accepted rows; they never refuse a row. */
    @FunctionalInterface
    public interface WarningCheck {

        /** No checks: for callers that have no store to read the history from. */
        WarningCheck NONE = values -> List.of();

        /** The warnings of a chunk's values. */
        List<Warning> check(List<SubmittedValue> values);
    }

    /**
     * The one chunk loop of every intake (dry run, synchronous, asynchronous): feeds the rows through, hands each full
     * chunk to {@code full} as soon as it has {@code chunkRows} rows, and returns the last one (possibly empty),
     * which the caller stores as it stores its last. The rows are closed whatever happens.
     */
    public Chunk feed(RowSource source, int chunkRows, Consumer<Chunk> full) {
        try (RowSource rows = source) {
            while (rows.hasNext()) {
                consume(rows.next());
                if (pendingRows() >= chunkRows) {
                    full.accept(takeChunk());
                }
            }
        }
        return takeChunk();
    }

    public void consume(ObservationRow row) {
        counts.received++;
        RowValidator.Checked checked = validator.check(row);
        List<Conflict> rowConflicts = checked.conflicts();
        if (rowConflicts.isEmpty()) {
            ObservationChange change = checked.change();
            SeriesKey series = SeriesKey.of(row.measure(), row.area(), row.dimensions());
            if (keys.admit(series + "|" + row.period(), content(change)) != SubmissionKeys.Seen.CONFLICTING) {
                accept(series, change);
                submitted.add(new SubmittedValue(row.pointer(), series, Period.of(change.period()), change.value(),
                        change.status(), change.action() == ObservationAction.DELETE));
                return;
            }
            rowConflicts = List.of(Conflict.of(row.pointer("row"), "row", ConflictCode.DUPLICATE_KEY,
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
        accepted.forEach((series, changes) -> {
            String body = heldFor.apply(series.measure());
            events.events(series, changes).forEach(event -> chunkEvents.add(event.heldFor(body)));
        });
        List<Warning> warnings = submitted.isEmpty() ? List.of() : warningCheck.check(submitted);
        Chunk chunk = new Chunk(chunkEvents, acceptedRows, conflicts, warnings);
        counts.warnings += warnings.size();
        for (Warning warning : warnings) {
            if (shownWarnings.size() < maxConflictsShown) {
                shownWarnings.add(warning);
            }
        }
        submitted = new ArrayList<>();
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

    /** The first max-conflicts-shown warnings; counts().warnings() counts them all. */
    public List<Warning> shownWarnings() {
        return shownWarnings;
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
