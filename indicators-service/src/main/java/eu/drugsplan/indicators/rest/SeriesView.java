package eu.drugsplan.indicators.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One series as the data API shows it. */
public record SeriesView(
        String seriesKey,
        String measure,
        String area,
        Map<String, String> dimensions,
        long dataVersion,
        Instant updatedAt,
        List<ObservationView> observations) {

    /** One current observation of a series. */
    public record ObservationView(String period, BigDecimal value, String status, String comment) {
    }
}
