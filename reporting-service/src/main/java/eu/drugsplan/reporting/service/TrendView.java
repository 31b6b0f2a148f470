package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.drugsplan.contracts.trend.GrowthAssessment;
import eu.drugsplan.contracts.trend.MannKendall;
import eu.drugsplan.contracts.trend.OverallAssessment;
import eu.drugsplan.contracts.trend.Segment;
import eu.drugsplan.contracts.trend.SenSlope;
import eu.drugsplan.contracts.trend.TrendPoint;
import eu.drugsplan.contracts.trend.TrendResult;
import eu.drugsplan.contracts.trend.YearOnYear;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The trend JSON of one series, as stored and served to dashboards.
 *
 * @param computed true for an EU total summed here from the Member States, false for a series as reported
 * @param coverage for a computed EU total, how many Member States each point sums; absent otherwise
 */
public record TrendView(
        String seriesKey,
        String measure,
        String area,
        Map<String, String> dimensions,
        boolean computed,
        String unit,
        String desiredDirection,
        MeasureFacts.Source measureSource,
        long dataVersion,
        Instant changedAt,
        Instant computedAt,
        int pointCount,
        List<TrendPoint> points,
        TrendPoint latest,
        YearOnYear yearOnYear,
        GrowthAssessment shortTerm,
        GrowthAssessment longTerm,
        MannKendall mannKendall,
        SenSlope senSlope,
        OverallAssessment overall,
        Segment segment,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CoveragePoint> coverage) {

    static TrendView of(SeriesIdentity series, MeasureFacts facts, long dataVersion, Instant changedAt,
                        Instant computedAt, TrendResult result, List<CoveragePoint> coverage) {
        return new TrendView(series.seriesKey(), series.measure(), series.area(), series.dimensions(),
                series.computed(), facts.unit(), facts.desiredDirection().name(), facts.source(), dataVersion,
                changedAt, computedAt, result.pointCount(), result.points(), result.latest(), result.yearOnYear(),
                result.shortTerm(), result.longTerm(), result.mannKendall(), result.senSlope(), result.overall(),
                result.segment(), coverage);
    }
}
