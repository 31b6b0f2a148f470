package eu.drugsplan.indicators.repository;

import eu.drugsplan.common.jdbc.CopyIn;
import eu.drugsplan.common.jdbc.CopyText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.event.SeriesPoint;
import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.indicators.repository.StoreRows.Cell;
import eu.drugsplan.indicators.repository.StoreRows.Current;
import eu.drugsplan.indicators.repository.StoreRows.SeriesRow;
import eu.drugsplan.indicators.repository.StoreRows.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The store's tables read and written a batch at a time on one JDBC connection (the transaction's): a few
 * statements per batch whatever its size, the versions staged with COPY. Statements are in {@link StoreSql}.
 */
public final class StoreTables {

    private final Connection connection;
    private final ObjectMapper json;

    public StoreTables(Connection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
    }

    /** The ids among {@code eventIds} that were applied before. */
    public Set<UUID> alreadyApplied(Collection<UUID> eventIds) throws SQLException {
        Set<UUID> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(StoreSql.APPLIED)) {
            select.setArray(1, connection.createArrayOf("uuid", eventIds.toArray(UUID[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    /** The series of the keys, by key text; those not stored yet are created (data version 0). */
    public Map<String, SeriesRow> series(Collection<SeriesKey> keys, Instant now) throws SQLException {
        Map<String, SeriesKey> byText = new LinkedHashMap<>();
        keys.forEach(key -> byText.putIfAbsent(key.toString(), key));
        Map<String, SeriesRow> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(StoreSql.SERIES)) {
            select.setArray(1, connection.createArrayOf("text", byText.keySet().toArray(String[]::new)));
            collectSeries(select, byText, found);
        }
        List<SeriesKey> missing = byText.values().stream().filter(key -> !found.containsKey(key.toString())).toList();
        if (!missing.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(StoreSql.NEW_SERIES)) {
                insert.setObject(1, timestamp(now));
                insert.setArray(2, texts(missing.stream().map(SeriesKey::toString).toList()));
                insert.setArray(3, texts(missing.stream().map(SeriesKey::measure).toList()));
                insert.setArray(4, texts(missing.stream().map(SeriesKey::area).toList()));
                insert.setArray(5, texts(missing.stream().map(key -> dimensionsJson(key.dimensions())).toList()));
                collectSeries(insert, byText, found);
            }
        }
        return found;
    }

    private static void collectSeries(PreparedStatement statement, Map<String, SeriesKey> keys,
                                      Map<String, SeriesRow> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                SeriesKey key = keys.get(rows.getString(2));
                into.put(key.toString(), new SeriesRow(rows.getLong(1), key.toString(), key.measure(), key.area(),
                        key.dimensions(), rows.getLong(3)));
            }
        }
    }

    /** What is stored now for each of the cells; a cell without a current observation is not in the answer. */
    public Map<Cell, Current> current(Collection<Cell> cells) throws SQLException {
        Map<Cell, Current> found = new HashMap<>();
        if (cells.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(StoreSql.CURRENT)) {
            select.setArray(1, connection.createArrayOf("bigint", cells.stream().map(Cell::seriesId).toArray(Long[]::new)));
            select.setArray(2, texts(cells.stream().map(Cell::period).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(new Cell(rows.getLong(1), rows.getString(2)), new Current(rows.getBigDecimal(3),
                            rows.getString(4), rows.getString(5), rows.getObject(6, UUID.class), instant(rows, 7)));
                }
            }
        }
        return found;
    }

    /**
     * Writes a batch: its versions (staged with COPY, then added in their order), each changed cell's last version
     * as its current observation (or its removal), the series' data versions and the applied event ids.
     */
    public void write(List<Version> versions, Map<Long, Integer> versionsOfSeries, List<ObservationEvent> applied,
                      Instant now) throws SQLException {
        if (!versions.isEmpty()) {
            stage(versions);
            execute(StoreSql.ADD_VERSIONS, now);
            execute(StoreSql.UPSERT_CURRENT, now);
            try (PreparedStatement update = connection.prepareStatement(StoreSql.SERIES_VERSIONS)) {
                update.setObject(1, timestamp(now));
                update.setArray(2, connection.createArrayOf("bigint", versionsOfSeries.keySet().toArray(Long[]::new)));
                update.setArray(3, connection.createArrayOf("bigint",
                        versionsOfSeries.values().stream().map(Integer::longValue).toArray(Long[]::new)));
                update.executeUpdate();
            }
        }
        if (!applied.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(StoreSql.PROCESSED)) {
                insert.setObject(1, timestamp(now));
                insert.setArray(2, connection.createArrayOf("uuid", applied.stream().map(ObservationEvent::eventId).toArray(UUID[]::new)));
                insert.setArray(3, connection.createArrayOf("uuid", applied.stream().map(ObservationEvent::submissionId).toArray(UUID[]::new)));
                insert.executeUpdate();
            }
        }
    }

    private void stage(List<Version> versions) throws SQLException {
        try (var create = connection.createStatement()) {
            create.execute(StoreSql.STAGE_TABLE);
        }
        try (Writer out = CopyIn.open(connection, StoreSql.COPY_STAGE)) {
            CopyText rows = new CopyText(out);
            int ord = 0;
            for (Version v : versions) {
                rows.field(ord++).field(v.cell().seriesId()).field(v.cell().period()).field(v.value())
                        .field(v.status()).field(v.comment()).field(v.deleted()).field(v.reporter())
                        .field(v.submissionId()).field(v.eventId()).field(v.receivedAt()).endRow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current observations of the series, in period order, by series id. */
    public Map<Long, List<SeriesPoint>> points(Collection<Long> seriesIds) throws SQLException {
        Map<Long, List<SeriesPoint>> points = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(StoreSql.POINTS)) {
            select.setArray(1, connection.createArrayOf("bigint", seriesIds.toArray(Long[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    points.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(new SeriesPoint(rows.getString(2), rows.getBigDecimal(3), rows.getString(4)));
                }
            }
        }
        return points;
    }

    private void execute(String sql, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, timestamp(now));
            statement.executeUpdate();
        }
    }

    private java.sql.Array texts(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private String dimensionsJson(Map<String, String> dimensions) {
        try {
            return json.writeValueAsString(dimensions);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("dimensions cannot be written as JSON", e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
