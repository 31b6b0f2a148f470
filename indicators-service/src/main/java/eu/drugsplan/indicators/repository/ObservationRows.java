package eu.drugsplan.indicators.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.service.DataQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Streams the rows of a data query straight from a JDBC cursor: PostgreSQL sends {@code fetchSize} rows per
 * round trip (inside a transaction, which is what makes the driver use a cursor), so memory does not grow
 * with the result.
 */
@ApplicationScoped
public class ObservationRows {

    private static final TypeReference<Map<String, String>> DIMENSIONS = new TypeReference<>() {
    };
    /** A streamed export may take a while on a slow client; the transaction only reads. */
    private static final int STREAM_TIMEOUT_SECONDS = 3600;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final IndicatorsConfig config;

    public ObservationRows(DataSource dataSource, ObjectMapper json, IndicatorsConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    /** Receives the rows of a query one at a time. */
    @FunctionalInterface
    public interface RowSink {
        void accept(ObservationRow row) throws IOException;
    }

    public long count(DataQuery query) {
        DataSql count = DataSql.count(query);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = prepare(connection, count)) {
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    public void stream(DataQuery query, RowSink sink) {
        DataSql rows = DataSql.rows(query);
        QuarkusTransaction.requiringNew().timeout(STREAM_TIMEOUT_SECONDS).run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = prepare(connection, rows)) {
                statement.setFetchSize(config.data().fetchSize());
                try (ResultSet result = statement.executeQuery()) {
                    readAll(result, sink, query.inDataSets() && query.includeHistory());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("data query failed", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void readAll(ResultSet result, RowSink sink, boolean dataSets) throws SQLException, IOException {
        String lastDimensionsText = null;
        Map<String, String> dimensions = Map.of();
        while (result.next()) {
            String dimensionsText = result.getString("dimensions");
            // rows come grouped by series: parse a series' dimensions once
            if (!dimensionsText.equals(lastDimensionsText)) {
                dimensions = json.readValue(dimensionsText, DIMENSIONS);
                lastDimensionsText = dimensionsText;
            }
            sink.accept(row(result, dimensions, dataSets));
        }
    }

    private static ObservationRow row(ResultSet result, Map<String, String> dimensions, boolean dataSets)
            throws SQLException {
        return new ObservationRow(
                result.getString("series_key"),
                result.getString("area"),
                dimensions,
                result.getLong("data_version"),
                instant(result.getTimestamp("series_updated_at")),
                result.getString("period"),
                result.getBigDecimal("value"),
                result.getString("status"),
                result.getString("comment"),
                result.getBoolean("deleted"),
                result.getString("reporter"),
                result.getObject("submission_id", UUID.class),
                instant(result.getTimestamp("received_at")),
                instant(result.getTimestamp("changed_at")),
                dataSets ? instant(result.getTimestamp("set_from")) : null,
                dataSets ? instant(result.getTimestamp("set_to")) : null);
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, DataSql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        List<Object> parameters = sql.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter instanceof DataSql.TextArray array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array.values().toArray()));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }
}
