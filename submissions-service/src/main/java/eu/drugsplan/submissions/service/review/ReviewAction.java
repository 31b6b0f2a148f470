package eu.drugsplan.submissions.service.review;

/** What the audit records. Each is also published on Kafka as a review event. */
public enum ReviewAction {
    /** Rows under review were accepted; the submission waits for its reviewing bodies. */
    SUBMITTED,
    /** The catalogue releases the reviewing body's own submissions of the measure on submission. */
    RELEASED_ON_SUBMISSION,
    /** One reviewing body released it (with a publication time); the last body makes it RELEASED. */
    RELEASED,
    RETURNED,
    /** A reviewer accepted plausibility warnings with a note; the submission stays in review. */
    WARNINGS_ACCEPTED,
    WITHDRAWN,
    /** Its publication time came and its events went to the outbox: public reads show it from now on. */
    OFFICIAL
}
