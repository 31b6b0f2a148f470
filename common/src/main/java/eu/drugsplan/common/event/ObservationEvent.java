package eu.drugsplan.common.event;

import eu.drugsplan.common.series.SeriesKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One accepted observation row, published by submissions-service and stored by indicators-service.
 * The event id makes redelivery harmless: the consumer records the ids it has applied.
 */
public record ObservationEvent(
        int version,
        UUID eventId,
        UUID submissionId,
        String reporter,
        ObservationAction action,
        String measure,
        String area,
        Map<String, String> dimensions,
        String period,
        BigDecimal value,
        String status,
        String comment,
        Instant receivedAt) {

    public static final int CURRENT_VERSION = 1;

    public SeriesKey seriesKey() {
        return SeriesKey.of(measure, area, dimensions);
    }
}
