package eu.drugsplan.indicators.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One observation (or one version of it) with its series, as the data queries stream them.
 *
 * @param changedAt when this value was stored (the observation's update time, or the version's record time)
 * @param dataSetFrom with history grouped into data sets: when the row's dissemination (submission) was first stored
 * @param dataSetTo   with history grouped into data sets: when a value of that dissemination was first replaced or
 *                    deleted, so the data set stopped being wholly current; null while it is
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
        Instant changedAt,
        Instant dataSetFrom,
        Instant dataSetTo) {

    /** A row without data set times (the data set is the whole message). */
    public ObservationRow(String seriesKey, String area, Map<String, String> dimensions, long dataVersion,
                          Instant seriesUpdatedAt, String period, BigDecimal value, String status, String comment,
                          boolean deleted, String reporter, UUID submissionId, Instant receivedAt, Instant changedAt) {
        this(seriesKey, area, dimensions, dataVersion, seriesUpdatedAt, period, value, status, comment, deleted,
                reporter, submissionId, receivedAt, changedAt, null, null);
    }
}
