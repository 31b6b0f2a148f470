package eu.drugsplan.submissions.repository;

/** Where a submission stands: every accepted row is in the outbox once it is VALIDATED. */
public enum SubmissionStatus {
    RECEIVED,
    VALIDATED,
    REJECTED
}
