package eu.drugsplan.contracts.trend;

/**
 * One observation placed on the time axis.
 *
 * @param period canonical ISO 8601 period string (upper-case {@code Q} and {@code W})
 * @param time   the period start as a decimal year, see {@link eu.drugsplan.contracts.series.Period#decimalYear()}
 * @param value  the observed value
 */
public record TrendPoint(String period, double time, double value) {
}
