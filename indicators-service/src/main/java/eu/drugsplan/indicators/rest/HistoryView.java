package eu.drugsplan.indicators.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every version of one observation key, oldest first. */
public record HistoryView(String measure, String seriesKey, String area, Map<String, String> dimensions,
                          String period, List<VersionView> versions) {

    /** One change: the value it set (none for a delete), who sent it in which submission, and when. */
    public record VersionView(BigDecimal value, String status, String comment, boolean deleted, String reporter,
                              UUID submissionId, UUID eventId, Instant receivedAt, Instant recordedAt) {
    }
}
