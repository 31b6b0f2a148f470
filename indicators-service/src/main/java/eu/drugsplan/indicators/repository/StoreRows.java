package eu.drugsplan.indicators.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The rows the set-wise store reads and writes, without an entity manager in between. */
public final class StoreRows {

    private StoreRows() {
    }

    /** One period of one series: the unique key of a current observation. */
    public record Cell(long seriesId, String period) {
    }

    /** What is stored for a cell now, as far as the store's rules need it. */
    public record Current(BigDecimal value, String status, String comment, UUID submissionId, Instant receivedAt) {
    }

    /** One change of a cell; a tombstone ({@code deleted}) has no value and no status. */
    public record Version(Cell cell, BigDecimal value, String status, String comment, boolean deleted, String reporter,
                          UUID submissionId, UUID eventId, Instant receivedAt) {
    }

    /** A series with its data version before the batch. */
    public record SeriesRow(long id, String seriesKey, String measure, String area, Map<String, String> dimensions,
                            long dataVersion) {
    }
}
