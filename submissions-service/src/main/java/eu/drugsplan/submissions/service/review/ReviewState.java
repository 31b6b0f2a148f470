package eu.drugsplan.submissions.service.review;

/**
 * Where the accepted rows of a submission stand on their way to becoming official. IN_REVIEW: waiting for every
 * reviewing body of its measures. RELEASED: released, waiting for its publication time (an embargo). OFFICIAL: its
 * events are in the outbox and public reads show them. RETURNED and WITHDRAWN rows never become official; a
 * correction is a new submission.
 */
public enum ReviewState {
    IN_REVIEW,
    RELEASED,
    OFFICIAL,
    RETURNED,
    WITHDRAWN
}
