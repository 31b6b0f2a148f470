package eu.drugsplan.submissions.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.SeriesPoint;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * This service's copy of the official series (stored_series, V9), kept from indicators-service's series-updated
 * events: one row per series, replaced only by a newer data version, so a repeated or late event changes nothing.
 * It trails the store by the time an event takes to arrive (milliseconds to a second on a running suite).
 */
@ApplicationScoped
public class StoredSeriesCopy {

    private static final TypeReference<List<SeriesPoint>> POINTS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public StoredSeriesCopy(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Keeps each event's series unless the copy already holds the same or a newer data version of it. */
    @Transactional
    public void keep(List<SeriesUpdatedEvent> announced) {
        // one row per series in one statement: an upsert may not touch a row twice
        List<SeriesUpdatedEvent> events = SeriesUpdatedEvent.newestPerSeries(announced, event -> event);
        int n = events.size();
        String[] keys = new String[n];
        Long[] versions = new Long[n];
        Timestamp[] changed = new Timestamp[n];
        String[] points = new String[n];
        for (int i = 0; i < n; i++) {
            SeriesUpdatedEvent event = events.get(i);
            keys[i] = event.seriesKey();
            versions[i] = event.dataVersion();
            changed[i] = Timestamp.from(event.changedAt());
            points[i] = write(event.observations());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into stored_series (series_key, data_version, changed_at, points)
                     select * from unnest(?::text[], ?::bigint[], ?::timestamptz[], ?::jsonb[])
                     on conflict (series_key) do update
                        set data_version = excluded.data_version, changed_at = excluded.changed_at,
                            points = excluded.points
                      where stored_series.data_version < excluded.data_version""")) {
            upsert.setArray(1, connection.createArrayOf("text", keys));
            upsert.setArray(2, connection.createArrayOf("bigint", versions));
            upsert.setArray(3, connection.createArrayOf("timestamptz", changed));
            upsert.setArray(4, connection.createArrayOf("text", points));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the stored-series copy could not be written: " + e.getMessage(), e);
        }
    }

    /** The current values of the series asked for that the copy holds (a series never stored is not answered). */
    public List<StoredSeries> current(Collection<String> seriesKeys) {
        if (seriesKeys.isEmpty()) {
            return List.of();
        }
        List<StoredSeries> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select series_key, points::text from stored_series where series_key = any(?::text[])")) {
            Array keys = connection.createArrayOf("text", seriesKeys.toArray(String[]::new));
            select.setArray(1, keys);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredSeries(rows.getString(1), values(read(rows.getString(2)))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the stored-series copy could not be read: " + e.getMessage(), e);
        }
        return found;
    }

    private static List<StoredValue> values(List<SeriesPoint> points) {
        return points.stream().map(p -> new StoredValue(p.period(), p.value(), p.status())).toList();
    }

    private String write(List<SeriesPoint> points) {
        try {
            return json.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a series' values cannot be written as JSON", e);
        }
    }

    private List<SeriesPoint> read(String points) {
        try {
            return json.readValue(points, POINTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored series cannot be read back", e);
        }
    }
}
