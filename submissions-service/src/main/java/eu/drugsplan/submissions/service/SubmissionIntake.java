package eu.drugsplan.submissions.service;

import eu.drugsplan.common.event.ObservationAction;
import eu.drugsplan.common.event.ObservationEvent;
import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionConflict;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Takes a submission in: every row is validated, accepted rows become observation events in the outbox,
 * and the submission with its conflicts is stored, all in one transaction: nothing is accepted that is
 * not also on its way to the store.
 */
@ApplicationScoped
public class SubmissionIntake {

    private final RowValidator validator;
    private final Outbox outbox;
    private final SubmissionsConfig config;

    public SubmissionIntake(RowValidator validator, Outbox outbox, SubmissionsConfig config) {
        this.validator = validator;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public SubmissionSummary submit(String reporter, String mediaType, List<ObservationRow> rows) {
        Submission submission = open(reporter, mediaType);
        List<Conflict> conflicts = new ArrayList<>();
        for (ObservationRow row : rows) {
            List<Conflict> rowConflicts = validator.validate(row);
            if (rowConflicts.isEmpty()) {
                accept(submission, row);
            } else {
                submission.rejected++;
                conflicts.addAll(rowConflicts);
            }
            submission.received++;
        }
        close(submission, conflicts);
        return SubmissionSummary.of(submission, conflicts);
    }

    private Submission open(String reporter, String mediaType) {
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.reporter = reporter;
        submission.mediaType = mediaType;
        submission.status = SubmissionStatus.RECEIVED;
        submission.receivedAt = Instant.now();
        return submission;
    }

    private void accept(Submission submission, ObservationRow row) {
        ObservationAction action = RowValidator.action(row.action()).orElseThrow();
        ObservationEvent event = new ObservationEvent(
                ObservationEvent.CURRENT_VERSION, UUID.randomUUID(), submission.id, submission.reporter, action,
                row.measure(), row.area(), new TreeMap<>(row.dimensions()), row.period(),
                RowValidator.value(row).orElse(null), RowValidator.status(row), row.comment(), submission.receivedAt);
        outbox.append(config.observationsTopic(), event.seriesKey().toString(), event.eventId(), event);
        if (action == ObservationAction.DELETE) {
            submission.deleted++;
        } else {
            submission.accepted++;
        }
    }

    private void close(Submission submission, List<Conflict> conflicts) {
        submission.status = submission.accepted + submission.deleted > 0 || submission.received == 0
                ? SubmissionStatus.VALIDATED : SubmissionStatus.REJECTED;
        submission.validatedAt = Instant.now();
        submission.persist();
        for (Conflict conflict : conflicts) {
            SubmissionConflict stored = new SubmissionConflict();
            stored.submissionId = submission.id;
            stored.rowPointer = conflict.row();
            stored.field = conflict.field();
            stored.code = conflict.code().name();
            stored.message = conflict.message();
            stored.persist();
        }
    }
}
