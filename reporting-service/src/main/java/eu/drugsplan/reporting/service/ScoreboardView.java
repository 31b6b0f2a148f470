package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How many series improve, deteriorate, show no significant change or lack data: overall, per indicator
 * and measure, and the same per country.
 */
public record ScoreboardView(Counts total, List<IndicatorCounts> indicators, List<CountryCounts> countries) {

    /** Series per overall assessment label; {@code series} is their total. */
    public record Counts(long series,
                         @JsonProperty("IMPROVING") long improving,
                         @JsonProperty("DETERIORATING") long deteriorating,
                         @JsonProperty("NO_SIGNIFICANT_CHANGE") long noSignificantChange,
                         @JsonProperty("INSUFFICIENT_DATA") long insufficientData,
                         @JsonProperty("NOT_APPLICABLE") long notApplicable) {

        /** No series at all. */
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    public record MeasureCounts(String measure, Counts counts) {
    }

    public record IndicatorCounts(String indicator, Counts counts, List<MeasureCounts> measures) {
    }

    /** A country: sub-national areas (waste-water sites) count with their country. */
    public record CountryCounts(String area, Counts counts, List<IndicatorCounts> indicators) {
    }
}
