package eu.drugsplan.indicators.service;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.series.ObservedValues;
import eu.drugsplan.indicators.repository.StoreRows.Cell;
import eu.drugsplan.indicators.repository.StoreRows.Current;
import eu.drugsplan.indicators.repository.StoreRows.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The rules of the store applied to a whole batch in memory, in the batch's order, against what was stored
 * when it began: what each observation did, and the versions to write. The versions are all that has to be
 * written: the current value of a cell is its last version (or gone, when that is a tombstone).
 */
public final class BatchPlan {

    private static final Duration PRECISION_STORED = Duration.ofNanos(1_000);

    private final Map<Cell, Current> state;
    private final ToLongFunction<ObservationEvent> seriesOf;
    private final List<StoreOutcome> outcomes = new ArrayList<>();
    private final List<Version> versions = new ArrayList<>();
    private final List<ObservationEvent> applied = new ArrayList<>();
    private final OutcomeTally tally = new OutcomeTally();
    /** Versions added per series, in the order the batch first changed them, and the last event that did. */
    private final Map<Long, Integer> versionsOfSeries = new LinkedHashMap<>();
    private final Map<Long, UUID> lastChangeOf = new HashMap<>();

    private BatchPlan(Map<Cell, Current> stored, ToLongFunction<ObservationEvent> seriesOf) {
        this.state = new HashMap<>(stored);
        this.seriesOf = seriesOf;
    }

    /**
     * @param appliedBefore the ids among the events' that were applied by an earlier batch
     * @param stored        the current observations of the cells the events name (a cell not there has none)
     * @param seriesOf      the id of an event's series
     */
    public static BatchPlan of(List<ObservationEvent> events, Set<UUID> appliedBefore, Map<Cell, Current> stored,
                               ToLongFunction<ObservationEvent> seriesOf) {
        BatchPlan plan = new BatchPlan(stored, seriesOf);
        Set<UUID> seen = new HashSet<>(appliedBefore);
        for (ObservationEvent event : events) {
            // false for an event applied before or earlier in this batch: a redelivery
            if (seen.add(event.eventId())) {
                plan.apply(event);
            } else {
                event.observations().forEach(change -> plan.outcomes.add(StoreOutcome.DUPLICATE));
            }
        }
        return plan;
    }

    /** The events a batch will apply, without those applied before or repeated within it. */
    public static List<ObservationEvent> toApply(List<ObservationEvent> events, Set<UUID> appliedBefore) {
        Set<UUID> seen = new HashSet<>(appliedBefore);
        return events.stream().filter(event -> seen.add(event.eventId())).toList();
    }

    private void apply(ObservationEvent event) {
        long series = seriesOf.applyAsLong(event);
        for (ObservationChange change : event.observations()) {
            StoreOutcome outcome = applyChange(series, event, change);
            outcomes.add(outcome);
            tally.add(event.submissionId(), outcome);
        }
        applied.add(event);
    }

    private StoreOutcome applyChange(long series, ObservationEvent event, ObservationChange change) {
        Cell cell = new Cell(series, change.period());
        Current current = state.get(cell);
        if (supersededBy(current, event)) {
            return StoreOutcome.SUPERSEDED;
        }
        if (change.action() == ObservationAction.DELETE) {
            if (current == null) {
                return StoreOutcome.NOTHING_TO_DELETE;
            }
            state.remove(cell);
            addVersion(cell, event, new Version(cell, null, null, change.comment(), true, event.reporter(),
                    event.submissionId(), event.eventId(), event.receivedAt()));
            return StoreOutcome.DELETED;
        }
        // MERGE keeps a stored comment the new row does not repeat; REPLACE takes the row as it is
        String comment = change.action() == ObservationAction.MERGE && change.comment() == null && current != null
                ? current.comment() : change.comment();
        if (current != null && sameContent(current, change, comment)) {
            return StoreOutcome.UNCHANGED;
        }
        state.put(cell, new Current(change.value(), change.status(), comment, event.submissionId(), event.receivedAt()));
        addVersion(cell, event, new Version(cell, change.value(), change.status(), comment, false, event.reporter(),
                event.submissionId(), event.eventId(), event.receivedAt()));
        return current != null ? StoreOutcome.REVISED : StoreOutcome.INSERTED;
    }

    private void addVersion(Cell cell, ObservationEvent event, Version version) {
        versions.add(version);
        versionsOfSeries.merge(cell.seriesId(), 1, Integer::sum);
        lastChangeOf.put(cell.seriesId(), event.eventId());
    }

    /**
     * Kafka keeps a series' records in the order they were published, but the outbox relay may publish a record
     * again after a newer one when a broker failure makes it retry: the order of acceptance, not of arrival,
     * decides which value stands.
     */
    private static boolean supersededBy(Current current, ObservationEvent event) {
        if (current == null || current.receivedAt() == null || event.receivedAt() == null
                || event.submissionId().equals(current.submissionId())) {
            // the rows of one submission share its receipt time and are published in their order
            return false;
        }
        // PostgreSQL keeps microseconds, rounded: a nanosecond-precise time read back may look a little later
        return event.receivedAt().plus(PRECISION_STORED).isBefore(current.receivedAt());
    }

    private static boolean sameContent(Current stored, ObservationChange change, String comment) {
        return ObservedValues.same(stored.value(), change.value()) && Objects.equals(stored.status(), change.status())
                && Objects.equals(stored.comment(), comment);
    }

    /** What each observation of the batch did, in the batch's order. */
    public List<StoreOutcome> outcomes() {
        return outcomes;
    }

    /** The versions to add, in the order they happened. */
    public List<Version> versions() {
        return versions;
    }

    /** The events applied now (each once), in order. */
    public List<ObservationEvent> applied() {
        return applied;
    }

    OutcomeTally tally() {
        return tally;
    }

    /** How many versions each changed series gained, in the order the batch first changed them. */
    public Map<Long, Integer> versionsOfSeries() {
        return versionsOfSeries;
    }

    /** The last event that changed the series. */
    public UUID lastChangeOf(long seriesId) {
        return lastChangeOf.get(seriesId);
    }
}
