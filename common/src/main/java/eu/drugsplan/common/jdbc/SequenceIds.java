package eu.drugsplan.common.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids for rows written by COPY, from a table's sequence, by the one convention of the suite: every sequence
 * increments by {@link #BLOCK} (the migrations declare it so) and a value v reserves [v .. v+BLOCK-1], as
 * Hibernate's pooled-lo optimizer (Quarkus's default) reads it for the entities written beside them in the same
 * tables (the outbox entity of {@code Outbox.append}). Another reading, (v-99 .. v], collided with Hibernate's ids
 * once a transaction wrote both.
 */
public final class SequenceIds {

    /** The increment of every sequence whose ids are reserved here. */
    public static final int BLOCK = 100;

    private SequenceIds() {
    }

    /** Ascending ids for {@code count} rows: one sequence value per block. */
    public static long[] reserve(Connection connection, String sequence, int count) throws SQLException {
        long[] ids = new long[count];
        int filled = 0;
        while (filled < count) {
            try (PreparedStatement next = connection.prepareStatement(
                    "select nextval('" + sequence + "') from generate_series(1, ?)")) {
                next.setInt(1, (count - filled + BLOCK - 1) / BLOCK);
                try (ResultSet values = next.executeQuery()) {
                    while (values.next() && filled < count) {
                        long low = values.getLong(1);
                        for (long id = low; id < low + BLOCK && filled < count; id++) {
                            ids[filled++] = id;
                        }
                    }
                }
            }
        }
        return ids;
    }
}
