package eu.drugsplan.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published by indicators-service after every committed change of a series. It carries the whole
 * current series (series are short: tens of periods), so reporting-service recomputes a trend from
 * the event alone. The data version grows with every change, so a consumer can ignore stale events.
 */
public record SeriesUpdatedEvent(
        int version,
        UUID eventId,
        String seriesKey,
        String measure,
        String area,
        Map<String, String> dimensions,
        long dataVersion,
        Instant changedAt,
        List<SeriesPoint> observations) {

    public static final int CURRENT_VERSION = 1;
}
