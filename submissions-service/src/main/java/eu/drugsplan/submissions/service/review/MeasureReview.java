package eu.drugsplan.submissions.service.review;

/**
 * Who reviews a measure (the catalogue's reviewing body, from Annex 2 of the Action Plan) and whether that
 * body's own submissions of it are official at once (it publishes the data itself).
 */
public record MeasureReview(String body, boolean releaseOnSubmission) {

    /** For a catalogue that names no body (an older indicators-service): reviewed, by EUDA, Annex 2's default. */
    public static final MeasureReview DEFAULT = new MeasureReview("EUDA", false);

    /** The body that must release the reporter's rows of this measure, or null when they are official at once. */
    public String heldFor(String reporter) {
        return releaseOnSubmission && body.equals(reporter) ? null : body;
    }
}
