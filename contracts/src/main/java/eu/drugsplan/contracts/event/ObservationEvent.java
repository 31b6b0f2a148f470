package eu.drugsplan.contracts.event;

import eu.drugsplan.contracts.series.SeriesKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepted rows of one series from one submission, in the submission's row order, published by
 * submissions-service and stored by indicators-service. One event per series and chunk instead of one per row:
 * a bulk load of a million rows becomes tens of thousands of events, and the series' identity and the
 * submission's are written once instead of on every row. The event id makes redelivery harmless: the consumer
 * records the ids it has applied, and applies an event's observations together or not at all.
 * Version 1 carried one observation with its fields at the top level; consumers still read it.
 */
public record ObservationEvent(
        int version,
        UUID eventId,
        UUID submissionId,
        String reporter,
        String measure,
        String area,
        Map<String, String> dimensions,
        Instant receivedAt,
        List<ObservationChange> observations) {

    public static final int CURRENT_VERSION = 2;

    public SeriesKey seriesKey() {
        return SeriesKey.of(measure, area, dimensions);
    }
}
