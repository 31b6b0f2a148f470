package eu.drugsplan.contracts.event;

import java.math.BigDecimal;

/** The current value of one period of a series; a null value carries a missing-type status. */
public record SeriesPoint(String period, BigDecimal value, String status) {
}
