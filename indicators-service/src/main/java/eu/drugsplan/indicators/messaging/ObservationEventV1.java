package eu.drugsplan.indicators.messaging;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The first form of the observation event, one row with its fields at the top level. Still read, so that
 * records published before producers moved to version 2 (or by a producer not yet upgraded) are stored.
 */
record ObservationEventV1(
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

    static final int VERSION = 1;

    ObservationEvent toCurrent() {
        return new ObservationEvent(ObservationEvent.CURRENT_VERSION, eventId, submissionId, reporter, measure, area,
                dimensions, receivedAt, List.of(new ObservationChange(action, period, value, status, comment)));
    }
}
