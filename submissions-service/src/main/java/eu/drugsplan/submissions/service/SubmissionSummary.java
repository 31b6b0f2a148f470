package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionConflict;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import eu.drugsplan.submissions.repository.SubmissionWarning;
import eu.drugsplan.submissions.service.plausibility.Warning;
import eu.drugsplan.submissions.service.plausibility.WarningCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The import summary of one submission: counts and one conflict per rejected row and field (the first
 * max-conflicts-shown of them; the counts cover every row), the plausibility warnings of accepted rows beside
 * them (as many at most), and notes on what the reader left out (an SDMX-CSV
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
        @Schema(description = "Plausibility warnings on accepted rows (the first max-conflicts-shown of them): "
                + "never a rejection; each with a stable code, a message, and the figures it compared")
        List<Warning> warnings,
        @Schema(description = "How many warnings the accepted rows drew in all")
        int warned,
        List<String> notes,
        ReviewView review) {

    static List<String> notes(Submission s) {
        return s.notes == null || s.notes.isEmpty() ? List.of() : List.of(s.notes.split("\n"));
    }

    static SubmissionSummary of(Submission s, List<Conflict> conflicts, List<Warning> warnings) {
        return new SubmissionSummary(s.id, s.reporter, s.status, false, s.receivedAt, s.validatedAt,
                s.received, s.accepted, s.rejected, s.deleted, List.copyOf(conflicts), List.copyOf(warnings),
                s.warnings, notes(s), ReviewView.of(s));
    }

    static SubmissionSummary dryRun(Submission s, List<Conflict> conflicts, List<Warning> warnings) {
        return new SubmissionSummary(null, s.reporter, s.status, true, s.receivedAt, s.validatedAt,
                s.received, s.accepted, s.rejected, s.deleted, List.copyOf(conflicts), List.copyOf(warnings),
                s.warnings, notes(s), null);
    }

    public static SubmissionSummary stored(Submission s, int maxConflicts) {
        List<Conflict> conflicts = SubmissionConflict.firstOf(s.id, maxConflicts).stream()
                .map(c -> new Conflict(c.rowPointer, c.field, ConflictCode.valueOf(c.code), c.message))
                .toList();
        List<Warning> warnings = SubmissionWarning.firstOf(s.id, maxConflicts).stream()
                .map(w -> new Warning(w.rowPointer, w.field, WarningCode.valueOf(w.code), w.message, w.seriesKey,
                        w.period, w.value, w.reference, w.score, w.acceptedAt == null ? null
                        : new Warning.Acceptance(w.acceptedBy, w.acceptedBody, w.acceptedAt, w.acceptedNote)))
                .toList();
        return of(s, conflicts, warnings);
    }
}
