package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionConflict;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The import summary of one submission: counts and one conflict per rejected row and field (the first
 * max-conflicts-shown of them; the counts cover every row), and notes on what the reader left out (an SDMX-CSV
 * custom column). A dry run has no id: nothing was stored.
 */
public record SubmissionSummary(
        UUID id,
        String reporter,
        SubmissionStatus status,
        boolean dryRun,
        Instant receivedAt,
        Instant validatedAt,
        int received,
        int accepted,
        int rejected,
        int deleted,
        List<Conflict> conflicts,
        List<String> notes) {

    static List<String> notes(Submission s) {
        return s.notes == null || s.notes.isEmpty() ? List.of() : List.of(s.notes.split("\n"));
    }

    static SubmissionSummary of(Submission s, List<Conflict> conflicts) {
        return new SubmissionSummary(s.id, s.reporter, s.status, false, s.receivedAt, s.validatedAt,
                s.received, s.accepted, s.rejected, s.deleted, List.copyOf(conflicts), notes(s));
    }

    static SubmissionSummary dryRun(Submission s, List<Conflict> conflicts) {
        return new SubmissionSummary(null, s.reporter, s.status, true, s.receivedAt, s.validatedAt,
                s.received, s.accepted, s.rejected, s.deleted, List.copyOf(conflicts), notes(s));
    }

    public static SubmissionSummary stored(Submission s, int maxConflicts) {
        List<Conflict> conflicts = SubmissionConflict.firstOf(s.id, maxConflicts).stream()
                .map(c -> new Conflict(c.rowPointer, c.field, ConflictCode.valueOf(c.code), c.message))
                .toList();
        return of(s, conflicts);
    }
}
