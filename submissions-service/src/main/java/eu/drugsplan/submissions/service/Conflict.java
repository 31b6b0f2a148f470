package eu.drugsplan.submissions.service;

import eu.drugsplan.contracts.series.TextLimits;

/**
 * One rejected row: where it is, which field, which rule and a sentence a person understands. Every part is
 * made storable here, where conflicts are created: they quote what the client sent (a NUL, a dimension name of
 * a thousand characters), and a conflict that cannot be written would lose the whole submission.
 */
public record Conflict(String row, String field, ConflictCode code, String message) {

    /** submission_conflict.row_pointer and .field are varchar(64) (V1__submissions.sql). */
    static final int POINTER = 64;
    static final int FIELD = 64;
    /** The message column is text; the bound keeps an answer listing a thousand conflicts readable. */
    static final int MESSAGE = 1000;
    /** How much of the given value a message quotes. */
    static final int QUOTED = 200;

    public Conflict {
        row = TextLimits.clean(row, POINTER);
        field = TextLimits.clean(field, FIELD);
        message = TextLimits.clean(message, MESSAGE);
    }

    public static Conflict of(String row, String field, ConflictCode code, Object given) {
        return new Conflict(row, field, code, code.description() + " Given: " + quote(given) + ".");
    }

    /** The given value as a message quotes it: cleaned and cut, so a 1 MB value is not copied into the answer. */
    static String quote(Object given) {
        return "'" + TextLimits.clean(String.valueOf(given), QUOTED) + "'";
    }
}
