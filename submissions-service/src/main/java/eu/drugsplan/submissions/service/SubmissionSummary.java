package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionConflict;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The import summary of one submission: counts and one conflict per rejected row and field. */
public record SubmissionSummary(
        UUID id,
        String reporter,
        SubmissionStatus status,
        Instant receivedAt,
        Instant validatedAt,
        int received,
        int accepted,
        int rejected,
        int deleted,
        List<Conflict> conflicts) {

    static SubmissionSummary of(Submission s, List<Conflict> conflicts) {
        return new SubmissionSummary(s.id, s.reporter, s.status, s.receivedAt, s.validatedAt,
                s.received, s.accepted, s.rejected, s.deleted, List.copyOf(conflicts));
    }

    public static SubmissionSummary stored(Submission s) {
        List<Conflict> conflicts = SubmissionConflict.of(s.id).stream()
                .map(c -> new Conflict(c.rowPointer, c.field, ConflictCode.valueOf(c.code), c.message))
                .toList();
        return of(s, conflicts);
    }
}
