package eu.drugsplan.common.jdbc;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** A {@code COPY ... FROM STDIN} on a connection, streamed: rows go to the server as written, in 1 MiB parts. */
public final class CopyIn {

    private CopyIn() {
    }

    /** The writer of the COPY's rows (see {@link CopyText}); closing it ends the COPY. */
    public static Writer open(Connection connection, String sql) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(postgres, sql, 1 << 20),
                StandardCharsets.UTF_8), 1 << 16);
    }
}
