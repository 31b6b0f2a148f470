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
    ACTION_INVALID("The action must be I, A, M, R or D (or INFORMATION, APPEND, MERGE, REPLACE, DELETE)."),
    MEASURE_UNKNOWN("The measure is not in the indicator catalogue."),
    AREA_UNKNOWN("The reference area is not in the REF_AREA code list."),
    DIMENSION_MISSING("The measure is broken down by this dimension, but the row gives no code for it."),
    DIMENSION_UNKNOWN("The measure is not broken down by this dimension."),
    CODE_UNKNOWN("The code is not in the dimension's code list."),
    PERIOD_FREQUENCY_MISMATCH("The period does not fit the measure's frequency."),
    VALUE_NEGATIVE("The measure's unit does not allow a negative value."),
    VALUE_OUT_OF_RANGE("The value is outside the range of the measure's unit (percent 0-100, years 0-120, binary 0 or 1), or of what is stored (0, or 1e-15 to 1e15 in magnitude)."),
    REPORTER_NOT_ALLOWED_AREA("A Member State reports only for its own country and its sub-national areas."),
    REPORTER_NOT_ALLOWED_MEASURE("This reporter is not a source of the measure."),
    ROW_MALFORMED("The CSV record does not have as many fields as the header."),
    TEXT_NOT_ALLOWED("The text holds a character that cannot be stored: NUL or another control character than tab,"
            + " line feed and carriage return, an unpaired surrogate or a noncharacter."),
    TEXT_TOO_LONG("The text is longer than the field allows (comment 1000 characters, value 100)."),
    DUPLICATE_KEY("An earlier row of this submission has the same series and period with another action, value,"
            + " status or comment; send one row per observation."),
    VALUE_NOT_INTEGER("A count takes a whole number written without a decimal point (1.234 may mean 1234 where the"
            + " point separates thousands)."),
    PERIOD_OUT_OF_RANGE("The period's year is outside the years the suite accepts."),
    STRUCTURE_INVALID("The SDMX-CSV STRUCTURE is not dataflow, datastructure or dataprovision, or STRUCTURE_ID is not"
            + " AGENCY:ID(VERSION), AGENCY:ID, a measure code or a URN."),
    STRUCTURE_UNSUPPORTED("The suite defines no data provision agreements (the reporter is the token's); name the"
            + " dataflow or the data structure instead."),
    DELETE_WILDCARD_UNSUPPORTED("A delete must give the full key and the period: the suite deletes one observation"
            + " at a time, not every observation matching a partial key."),
    DELETE_ATTRIBUTE_UNSUPPORTED("An SDMX-CSV delete that leaves the value empty and marks attribute values deletes only"
            + " those attributes; the suite deletes whole observations: mark OBS_VALUE with '-' to delete the"
            + " observation, or send the observation again with A or R to change its attributes.");

    private final String description;

    ConflictCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
