package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import eu.drugsplan.submissions.service.plausibility.Warning;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The status resource of a submission: the import summary, how far an asynchronous load got, what the store
 * made of the events (unchanged and revised are decided by indicators-service when it applies them, so they
 * are null until it has), and the timeline.
 */
public record SubmissionStatusView(
        UUID id,
        String reporter,
        String mediaType,
        SubmissionStatus status,
        Instant receivedAt,
        Instant validatedAt,
        int received,
        int accepted,
        int rejected,
        int deleted,
        Long inserted,
        Long revised,
        Long unchanged,
        Long storedDeleted,
        int chunksCommitted,
        String failure,
        List<SubmissionTimeline.Step> timeline,
        List<Conflict> conflicts,
        List<Warning> warnings,
        int warned,
        List<String> notes,
        ReviewView review) {

    static SubmissionStatusView of(SubmissionSummary summary, Submission s, SubmissionTimeline.Timeline timeline) {
        var outcome = timeline.outcome();
        return new SubmissionStatusView(s.id, s.reporter, s.mediaType, s.status, s.receivedAt, s.validatedAt,
                s.received, s.accepted, s.rejected, s.deleted,
                outcome == null ? null : outcome.inserted(), outcome == null ? null : outcome.revised(),
                outcome == null ? null : outcome.unchanged(), outcome == null ? null : outcome.deleted(),
                s.chunksCommitted, s.failure, timeline.steps(), summary.conflicts(), summary.warnings(),
                summary.warned(), summary.notes(), ReviewView.of(s));
    }
}
