package eu.drugsplan.reporting.service;

/**
 * One point of a computed EU total and how many Member States it sums.
 *
 * @param complete true only when every Member State reported the period
 */
public record CoveragePoint(String period, double value, long reporting, int memberStates, boolean complete) {
}
