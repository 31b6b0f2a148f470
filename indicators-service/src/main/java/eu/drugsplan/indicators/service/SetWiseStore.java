package eu.drugsplan.indicators.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.indicators.repository.StoreRows.Cell;
import eu.drugsplan.indicators.repository.StoreRows.SeriesRow;
import eu.drugsplan.indicators.repository.StoreTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies a batch of events set-wise on the caller's connection and transaction: it reads what the batch needs
 * in three queries, applies the store's rules in memory ({@link BatchPlan}) and writes the result in a few
 * statements, whatever the number of observations.
 */
public final class SetWiseStore {

    private final ObjectMapper json;

    public SetWiseStore(ObjectMapper json) {
        this.json = json;
    }

    /** What a batch did: its plan, and each series it names with its data version before the batch. */
    public record Applied(BatchPlan plan, Map<Long, SeriesRow> series, Instant at) {

        /** The series' data version after the batch. */
        public long dataVersionAfter(long seriesId) {
            return series.get(seriesId).dataVersion() + plan.versionsOfSeries().getOrDefault(seriesId, 0);
        }
    }

    public Applied apply(Connection connection, List<ObservationEvent> events) throws SQLException {
        // the database keeps microseconds: one instant for the whole batch, as it will be read back
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        StoreTables tables = new StoreTables(connection, json);
        Set<UUID> before = tables.alreadyApplied(events.stream().map(ObservationEvent::eventId).distinct().toList());
        List<ObservationEvent> toApply = BatchPlan.toApply(events, before);
        Map<String, SeriesRow> byKey = tables.series(toApply.stream().map(ObservationEvent::seriesKey).toList(), now);
        Set<Cell> cells = new LinkedHashSet<>();
        for (ObservationEvent event : toApply) {
            long series = byKey.get(event.seriesKey().toString()).id();
            for (ObservationChange change : event.observations()) {
                cells.add(new Cell(series, change.period()));
            }
        }
        BatchPlan plan = BatchPlan.of(events, before, tables.current(cells),
                event -> byKey.get(event.seriesKey().toString()).id());
        tables.write(plan.versions(), plan.versionsOfSeries(), plan.applied(), now);
        Map<Long, SeriesRow> byId = byKey.values().stream().collect(Collectors.toMap(SeriesRow::id, s -> s));
        return new Applied(plan, byId, now);
    }
}
