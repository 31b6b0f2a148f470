package eu.drugsplan.submissions.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A timestamptz column of a native query, in whichever type the driver and Hibernate hand it over. */
public final class Instants {

    private Instants() {
    }

    public static Instant of(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
