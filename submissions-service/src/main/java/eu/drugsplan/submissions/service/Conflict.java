package eu.drugsplan.submissions.service;

/** One rejected row: where it is, which field, which rule and a sentence a person understands. */
public record Conflict(String row, String field, ConflictCode code, String message) {

    public static Conflict of(String row, String field, ConflictCode code, Object given) {
        return new Conflict(row, field, code, code.description() + " Given: '" + given + "'.");
    }
}
