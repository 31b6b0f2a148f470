package eu.drugsplan.submissions.service.plausibility;

/**
 * The stable codes of plausibility warnings: a warning never rejects a row, it asks a person to look at it.
 * Clients code against these names: add, never rename.
 */
public enum WarningCode {
    YEAR_ON_YEAR_CHANGE("The value changed against the same period a year before by more than the measure's"
            + " threshold."),
    OUTLIER("The value lies far from the series' own history (modified z-score on the median and the median"
            + " absolute deviation of its earlier values, Iglewicz and Hoaglin)."),
    TOTAL_NOT_SUM("The total is not the sum of its breakdown within the measure's tolerance."),
    BREAK_NOT_FLAGGED("The series jumps to a new level here and stays there, but the row has no break flag: if the"
            + " recording or definition changed, send it with OBS_STATUS B, so that trends start a new segment."),
    REVISION("A value is already stored for this period, and this row reports another one.");

    private final String description;

    WarningCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
