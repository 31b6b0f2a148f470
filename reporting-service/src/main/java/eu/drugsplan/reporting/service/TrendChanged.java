package eu.drugsplan.reporting.service;

/** A stored trend changed; fired inside the writing transaction and streamed only after it commits. */
public record TrendChanged(String seriesKey, String measure, String area, long dataVersion, String trend) {
}
