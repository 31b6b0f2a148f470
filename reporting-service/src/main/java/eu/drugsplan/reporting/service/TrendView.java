package eu.drugsplan.reporting.service;

import eu.drugsplan.reporting.trend.GrowthAssessment;
import eu.drugsplan.reporting.trend.MannKendall;
import eu.drugsplan.reporting.trend.OverallAssessment;
import eu.drugsplan.reporting.trend.SenSlope;
import eu.drugsplan.reporting.trend.TrendPoint;
import eu.drugsplan.reporting.trend.YearOnYear;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The trend JSON of one series, as stored and served to dashboards. */
public record TrendView(
        String seriesKey,
        String measure,
        String area,
        Map<String, String> dimensions,
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
        OverallAssessment overall) {
}
