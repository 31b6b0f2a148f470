package eu.drugsplan.submissions.service;

/**
 * The stable error codes of rejected rows. Clients code against these names: add, never rename.
 */
public enum ConflictCode {
    MEASURE_MISSING("The measure code is missing."),
    MEASURE_INVALID("The measure code is not of the form PIxx.NAME."),
    AREA_MISSING("The reference area is missing."),
    AREA_INVALID("The reference area code is malformed."),
    PERIOD_INVALID("The period is not an ISO 8601 year, quarter, month, week or day."),
    DIMENSION_INVALID("A dimension or its code is malformed."),
    VALUE_MISSING("A value is required unless the status says it is missing."),
    VALUE_NOT_FINITE("The value must be a finite decimal number."),
    STATUS_INVALID("The observation status is not an SDMX OBS_STATUS code."),
    ACTION_INVALID("The action must be I, M, R or D (or MERGE, REPLACE, DELETE).");

    private final String description;

    ConflictCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
