package eu.drugsplan.contracts.event;

import java.math.BigDecimal;

/** One accepted row of a series: what to do with the observation of one period. */
public record ObservationChange(
        ObservationAction action,
        String period,
        BigDecimal value,
        String status,
        String comment) {
}
