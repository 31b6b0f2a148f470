package eu.drugsplan.indicators.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One series as the data API shows it. */
public record SeriesView(
        String seriesKey,
        String measure,
        String area,
        Map<String, String> dimensions,
        long dataVersion,
        Instant updatedAt,
        List<ObservationView> observations) {

    /**
     * One observation of a series (or, with includeHistory, one version of it). {@code deleted} appears only
     * on tombstones (updatedAfter, includeHistory); reporter and submission only with includeHistory.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObservationView(String period, BigDecimal value, String status, String comment, Boolean deleted,
                                  Instant updatedAt, String reporter, UUID submissionId) {
    }
}
