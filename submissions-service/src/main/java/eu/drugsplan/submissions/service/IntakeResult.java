package eu.drugsplan.submissions.service;

/** The answer to a POST: 201 stored, 202 accepted for asynchronous processing, 200 dry run. */
public record IntakeResult(int status, SubmissionSummary summary) {
}
