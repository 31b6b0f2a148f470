package eu.drugsplan.reporting.trend;

/** The granularity of an ISO 8601 period string. */
public enum Frequency {
    ANNUAL,
    QUARTERLY,
    MONTHLY,
    WEEKLY,
    DAILY
}
