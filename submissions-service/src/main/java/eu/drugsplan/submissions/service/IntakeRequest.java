package eu.drugsplan.submissions.service;

import java.util.Optional;

/**
 * One POST to intake: who sends (the reporter and the person, by token subject), in which format, the rows, and how to answer. idempotencyKey and
 * requestHash come together; cleanup releases the spooled body once the rows have been read.
 */
public record IntakeRequest(String reporter, String submittedBy, String mediaType, RowSource rows, boolean dryRun, boolean async,
                            Optional<String> idempotencyKey, String requestHash, Runnable cleanup) {
}
