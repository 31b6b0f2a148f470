package eu.drugsplan.contracts.trend;

/** Turns a {@link MannKendall} result into an {@link OverallAssessment}. */
public final class OverallAssessor {

    /** Fewer points give the test too little power for a verdict to mean much. */
    public static final int MIN_POINTS = 5;

    public OverallAssessment assess(MannKendall mannKendall, DesiredDirection direction) {
        if (direction == DesiredDirection.NONE) {
            return new OverallAssessment(OverallAssessment.Label.NOT_APPLICABLE, null);
        }
        if (mannKendall.n() < MIN_POINTS || mannKendall.trend() == null) {
            return new OverallAssessment(OverallAssessment.Label.INSUFFICIENT_DATA, Reasons.INSUFFICIENT_DATA);
        }
        return new OverallAssessment(label(mannKendall.trend(), direction), null);
    }

    private static OverallAssessment.Label label(MannKendall.Trend trend, DesiredDirection direction) {
        if (trend == MannKendall.Trend.NO_TREND) {
            return OverallAssessment.Label.NO_SIGNIFICANT_CHANGE;
        }
        boolean towardsDesired = (trend == MannKendall.Trend.INCREASING) == (direction == DesiredDirection.UP);
        return towardsDesired ? OverallAssessment.Label.IMPROVING : OverallAssessment.Label.DETERIORATING;
    }
}
