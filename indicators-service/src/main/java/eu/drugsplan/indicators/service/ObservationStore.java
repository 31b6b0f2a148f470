package eu.drugsplan.indicators.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.event.SeriesPoint;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.common.outbox.OutboxRows;
import eu.drugsplan.common.outbox.TraceContext;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.repository.FailedEvents;
import eu.drugsplan.indicators.repository.ProcessedEvents;
import eu.drugsplan.indicators.repository.StoreRows.SeriesRow;
import eu.drugsplan.indicators.repository.StoreSqlException;
import eu.drugsplan.indicators.repository.StoreTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Applies observation events to the versioned store. Each event is applied once, all its observations
 * together (its id is recorded in the same transaction), every change adds a version, and every committed
 * change announces the series' new state through the outbox. A batch is applied in one transaction, in its
 * order, set-wise ({@link SetWiseStore}), and announces each series it changed once, with its state at the end
 * of the batch.
 */
@ApplicationScoped
public class ObservationStore {

    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final IndicatorsConfig config;
    private final FailedEvents failedEvents;
    private final DataSource dataSource;
    private final ObjectMapper json;

    public ObservationStore(ProcessedEvents processedEvents, Outbox outbox, IndicatorsConfig config,
                            FailedEvents failedEvents, DataSource dataSource, ObjectMapper json) {
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.config = config;
        this.failedEvents = failedEvents;
        this.dataSource = dataSource;
        this.json = json;
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
        // within the transaction the pool hands out the transaction's own connection, which COPY needs too
        try (Connection connection = dataSource.getConnection()) {
            SetWiseStore.Applied applied = new SetWiseStore(json).apply(connection, events);
            processedEvents.addOutcomes(applied.plan().tally().outcomes(applied.at()));
            // an event replayed from the dead-letter topic and applied now no longer fails its submission
            failedEvents.clear(applied.plan().applied().stream().map(ObservationEvent::eventId).toList());
            announce(connection, applied, traces);
            return applied.plan().outcomes();
        } catch (SQLException e) {
            throw new StoreSqlException("the batch could not be stored", e);
        }
    }

    /**
     * One series-updated event per changed series, with its observations read in one query, written to the outbox
     * with one COPY.
     */
    private void announce(Connection connection, SetWiseStore.Applied applied, Map<UUID, String> traces)
            throws SQLException {
        Map<Long, Integer> changed = applied.plan().versionsOfSeries();
        if (changed.isEmpty()) {
            return;
        }
        Map<Long, List<SeriesPoint>> points = new StoreTables(connection, json).points(changed.keySet());
        List<OutboxRows.Row> rows = new ArrayList<>(changed.size());
        for (Long id : changed.keySet()) {
            SeriesRow series = applied.series().get(id);
            SeriesUpdatedEvent event = new SeriesUpdatedEvent(SeriesUpdatedEvent.CURRENT_VERSION, UUID.randomUUID(),
                    series.seriesKey(), series.measure(), series.area(), series.dimensions(),
                    applied.dataVersionAfter(id), applied.at(), points.getOrDefault(id, List.of()));
            String trace = traces.get(applied.plan().lastChangeOf(id));
            rows.add(new OutboxRows.Row(event.eventId(), series.seriesKey(), payload(event),
                    trace != null ? trace : TraceContext.current()));
        }
        OutboxRows.append(connection, config.seriesUpdatedTopic(), rows, applied.at());
        outbox.wakeRelayAfterCommit();
    }

    private String payload(SeriesUpdatedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a series-updated event cannot be serialized", e);
        }
    }
}
