package eu.drugsplan.indicators.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One observation (or one version of it) with its series, as the data queries stream them.
 *
 * @param changedAt when this value was stored (the observation's update time, or the version's record time)
 */
public record ObservationRow(
        String seriesKey,
        String area,
        Map<String, String> dimensions,
        long dataVersion,
        Instant seriesUpdatedAt,
        String period,
        BigDecimal value,
        String status,
        String comment,
        boolean deleted,
        String reporter,
        UUID submissionId,
        Instant receivedAt,
        Instant changedAt) {
}
