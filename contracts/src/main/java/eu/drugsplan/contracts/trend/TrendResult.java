package eu.drugsplan.contracts.trend;

import java.util.List;

/**
 * Everything the trend methods say about one series.
 *
 * @param latest     the most recent point, null for an empty series
 * @param pointCount the number of points
 * @param points     the points used, in time order, with their decimal years
 * @param segment    the breaks of the series and its last segment, on which longTerm and mannKendall are computed
 */
public record TrendResult(TrendPoint latest, int pointCount, List<TrendPoint> points, YearOnYear yearOnYear,
                          GrowthAssessment shortTerm, GrowthAssessment longTerm, MannKendall mannKendall,
                          SenSlope senSlope, OverallAssessment overall, Segment segment) {

    public TrendResult {
        points = List.copyOf(points);
    }
}
