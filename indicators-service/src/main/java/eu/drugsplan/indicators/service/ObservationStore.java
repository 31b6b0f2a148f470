package eu.drugsplan.indicators.service;

import eu.drugsplan.common.event.ObservationAction;
import eu.drugsplan.common.event.ObservationChange;
import eu.drugsplan.common.event.ObservationEvent;
import eu.drugsplan.common.event.SeriesPoint;
import eu.drugsplan.common.event.SeriesUpdatedEvent;
import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.common.outbox.TraceContext;
import eu.drugsplan.common.series.SeriesKey;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.repository.FailedEvents;
import eu.drugsplan.indicators.repository.Observation;
import eu.drugsplan.indicators.repository.ObservationVersion;
import eu.drugsplan.indicators.repository.ProcessedEvents;
import eu.drugsplan.indicators.repository.Series;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies observation events to the versioned store. Each event is applied once, all its observations
 * together (its id is recorded in the same transaction), every change adds a version, and every committed
 * change announces the series' new state through the outbox. A batch is applied in one transaction, in its
 * order, and announces each series it changed once, with its state at the end of the batch.
 */
@ApplicationScoped
public class ObservationStore {

    private static final java.time.Duration PRECISION_STORED = java.time.Duration.ofNanos(1_000);

    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final IndicatorsConfig config;
    private final FailedEvents failedEvents;

    public ObservationStore(ProcessedEvents processedEvents, Outbox outbox, IndicatorsConfig config,
                            FailedEvents failedEvents) {
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.config = config;
        this.failedEvents = failedEvents;
    }

    /** @return the outcome of each observation of the events, in the order given */
    @Transactional
    public List<StoreOutcome> applyAll(List<ObservationEvent> events) {
        return applyAll(events, Map.of());
    }

    /**
     * @param traces the W3C traceparent each event arrived with, by event id: a series' announcement continues
     *               the trace of the last event that changed it
     * @return the outcome of each observation of the events, in the order given
     */
    @Transactional
    public List<StoreOutcome> applyAll(List<ObservationEvent> events, Map<UUID, String> traces) {
        Set<UUID> seen = new HashSet<>(processedEvents.alreadyApplied(events.stream().map(ObservationEvent::eventId).toList()));
        BatchState batch = new BatchState(events);
        OutcomeTally tally = new OutcomeTally();
        List<StoreOutcome> outcomes = new ArrayList<>(events.size());
        List<UUID> applied = new ArrayList<>(events.size());
        for (ObservationEvent event : events) {
            // seen.add is false for an event applied before or earlier in this batch: a redelivery
            if (seen.add(event.eventId())) {
                applyOnce(event, batch, tally, outcomes);
                applied.add(event.eventId());
            } else {
                event.observations().forEach(change -> outcomes.add(StoreOutcome.DUPLICATE));
            }
        }
        processedEvents.addOutcomes(tally.outcomes(Instant.now()));
        // an event replayed from the dead-letter topic and applied now no longer fails its submission
        failedEvents.clear(applied);
        announce(batch, traces);
        return outcomes;
    }

    /** Applies every row of the event, in order, and records the event as applied. */
    private void applyOnce(ObservationEvent event, BatchState batch, OutcomeTally tally, List<StoreOutcome> outcomes) {
        // the series once per event, not per row: its key is built and looked up from the event's dimensions
        Series series = batch.series(event.seriesKey());
        for (ObservationChange change : event.observations()) {
            StoreOutcome outcome = applyChange(series, event, change, batch);
            outcomes.add(outcome);
            tally.add(event.submissionId(), outcome);
        }
        processedEvents.record(event.eventId(), event.submissionId());
    }

    private StoreOutcome applyChange(Series series, ObservationEvent event, ObservationChange change, BatchState batch) {
        Optional<Observation> current = batch.observation(series, change.period());
        StoreOutcome outcome = supersededBy(current, event) ? StoreOutcome.SUPERSEDED
                : change.action() == ObservationAction.DELETE
                ? delete(current, event, change, series, batch)
                : write(series, current, event, change, batch);
        if (outcome != StoreOutcome.UNCHANGED && outcome != StoreOutcome.NOTHING_TO_DELETE
                && outcome != StoreOutcome.SUPERSEDED) {
            batch.changed.put(series.seriesKey, series);
            batch.lastChangeOf.put(series.seriesKey, event.eventId());
        }
        return outcome;
    }

    /**
     * Kafka keeps a series' records in the order they were published, but the outbox relay may publish a record
     * again after a newer one when a broker failure makes it retry: the order of acceptance, not of arrival,
     * decides which value stands.
     */
    private static boolean supersededBy(Optional<Observation> current, ObservationEvent event) {
        if (current.isEmpty() || current.get().receivedAt == null || event.receivedAt() == null
                || event.submissionId().equals(current.get().submissionId)) {
            // the rows of one submission share its receipt time and are published in their order
            return false;
        }
        // PostgreSQL keeps microseconds, rounded: a nanosecond-precise time read back may look a little later
        return event.receivedAt().plus(PRECISION_STORED).isBefore(current.get().receivedAt);
    }

    private StoreOutcome write(Series series, Optional<Observation> current, ObservationEvent event,
                               ObservationChange change, BatchState batch) {
        // MERGE keeps a stored comment the new row does not repeat; REPLACE takes the row as it is
        String comment = change.action() == ObservationAction.MERGE && change.comment() == null
                ? current.map(o -> o.comment).orElse(null) : change.comment();
        if (current.isPresent() && sameContent(current.get(), change, comment)) {
            return StoreOutcome.UNCHANGED;
        }
        Observation observation = current.orElseGet(Observation::new);
        observation.seriesId = series.id;
        observation.period = change.period();
        observation.value = change.value();
        observation.status = change.status();
        observation.comment = comment;
        observation.reporter = event.reporter();
        observation.submissionId = event.submissionId();
        observation.receivedAt = event.receivedAt();
        observation.updatedAt = Instant.now();
        observation.persist();
        batch.remember(series, observation);
        recordVersion(series, event, change, false, comment);
        return current.isPresent() ? StoreOutcome.REVISED : StoreOutcome.INSERTED;
    }

    private StoreOutcome delete(Optional<Observation> current, ObservationEvent event, ObservationChange change,
                                Series series, BatchState batch) {
        if (current.isEmpty()) {
            return StoreOutcome.NOTHING_TO_DELETE;
        }
        current.get().delete();
        // Hibernate flushes inserts before deletes: a re-insert of this period later in the batch would
        // collide with the row it replaces, so the delete goes to the database now
        Observation.flush();
        batch.forget(series, change.period());
        recordVersion(series, event, change, true, change.comment());
        return StoreOutcome.DELETED;
    }

    private static boolean sameContent(Observation stored, ObservationChange change, String comment) {
        boolean sameValue = stored.value == null ? change.value() == null
                : change.value() != null && stored.value.compareTo(change.value()) == 0;
        return sameValue && stored.status.equals(change.status()) && Objects.equals(stored.comment, comment);
    }

    private void recordVersion(Series series, ObservationEvent event, ObservationChange change, boolean deleted,
                               String comment) {
        ObservationVersion version = new ObservationVersion();
        version.seriesId = series.id;
        version.period = change.period();
        version.value = deleted ? null : change.value();
        version.status = deleted ? null : change.status();
        version.comment = comment;
        version.deleted = deleted;
        version.reporter = event.reporter();
        version.submissionId = event.submissionId();
        version.eventId = event.eventId();
        version.receivedAt = event.receivedAt();
        version.recordedAt = Instant.now();
        version.persist();
        series.dataVersion++;
        series.updatedAt = version.recordedAt;
    }

    private static Series newSeries(SeriesKey key) {
        Series series = new Series();
        series.seriesKey = key.toString();
        series.measure = key.measure();
        series.area = key.area();
        series.dimensions = key.dimensions();
        series.dataVersion = 0;
        series.updatedAt = Instant.now();
        series.persist();
        return series;
    }

    /** One series-updated event per changed series, with its observations read in one query. */
    private void announce(BatchState batch, Map<UUID, String> traces) {
        Collection<Series> changed = batch.changed.values();
        if (changed.isEmpty()) {
            return;
        }
        Map<Long, List<SeriesPoint>> points = new HashMap<>();
        Observation.<Observation>list("seriesId in ?1 order by seriesId, period",
                        changed.stream().map(s -> s.id).toList())
                .forEach(o -> points.computeIfAbsent(o.seriesId, id -> new ArrayList<>())
                        .add(new SeriesPoint(o.period, o.value, o.status)));
        for (Series series : changed) {
            SeriesUpdatedEvent event = new SeriesUpdatedEvent(SeriesUpdatedEvent.CURRENT_VERSION, UUID.randomUUID(),
                    series.seriesKey, series.measure, series.area, series.dimensions, series.dataVersion,
                    series.updatedAt, points.getOrDefault(series.id, List.of()));
            String trace = traces.get(batch.lastChangeOf.get(series.seriesKey));
            outbox.append(config.seriesUpdatedTopic(), series.seriesKey, event.eventId(), event,
                    trace != null ? trace : TraceContext.current());
        }
    }

    /**
     * What one batch has looked up or written so far: each series and observation is queried once per batch,
     * and a later event of the batch sees what an earlier one wrote.
     */
    private static final class BatchState {
        private final Map<String, Series> series = new HashMap<>();
        private final Map<String, Optional<Observation>> observations = new HashMap<>();
        private final Map<String, Series> changed = new LinkedHashMap<>();
        private final Map<String, UUID> lastChangeOf = new HashMap<>();

        /**
         * Reads the batch's series and their current observations up front, in two queries: a query in the
         * middle of the batch would make Hibernate flush the pending inserts one event at a time, instead of
         * sending them in JDBC batches at commit.
         */
        BatchState(List<ObservationEvent> events) {
            Map<String, SeriesKey> keys = new LinkedHashMap<>();
            Set<String> periods = new HashSet<>();
            events.forEach(e -> {
                keys.putIfAbsent(e.seriesKey().toString(), e.seriesKey());
                e.observations().forEach(change -> periods.add(change.period()));
            });
            Series.<Series>list("seriesKey in ?1", keys.keySet()).forEach(s -> series.put(s.seriesKey, s));
            if (!series.isEmpty()) {
                Observation.<Observation>list("seriesId in ?1 and period in ?2",
                                series.values().stream().map(s -> s.id).toList(), periods)
                        .forEach(o -> observations.put(o.seriesId + "|" + o.period, Optional.of(o)));
            }
            // new series are written first, so that the inserts referring to them can be grouped by table
            // (hibernate.order_inserts) without breaking their foreign keys
            keys.forEach((text, key) -> series.computeIfAbsent(text, k -> newSeries(key)));
            Series.flush();
        }

        Series series(SeriesKey key) {
            return series.get(key.toString());
        }

        /** Everything stored for the batch's series was read up front: what is not here does not exist. */
        Optional<Observation> observation(Series owner, String period) {
            return observations.getOrDefault(owner.id + "|" + period, Optional.empty());
        }

        void remember(Series owner, Observation observation) {
            observations.put(owner.id + "|" + observation.period, Optional.of(observation));
        }

        void forget(Series owner, String period) {
            observations.put(owner.id + "|" + period, Optional.empty());
        }
    }
}
