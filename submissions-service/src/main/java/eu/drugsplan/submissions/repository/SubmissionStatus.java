package eu.drugsplan.submissions.repository;

/**
 * Where a submission stands. VALIDATED/REJECTED: every row judged and every accepted row in the outbox.
 * PROCESSING: an asynchronous load, committed up to chunks_committed. FAILED: the load stopped (the chunks
 * committed before stand and are published; the failure column says why).
 */
public enum SubmissionStatus {
    RECEIVED,
    PROCESSING,
    VALIDATED,
    REJECTED,
    FAILED
}
