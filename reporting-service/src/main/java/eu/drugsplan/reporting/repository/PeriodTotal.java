package eu.drugsplan.reporting.repository;

import java.math.BigDecimal;

/** The total of one period over the areas that reported it, and how many did. */
public record PeriodTotal(String period, BigDecimal sum, long reporters) {
}
