package eu.drugsplan.submissions.service;

import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.repository.HeldEvents;
import eu.drugsplan.submissions.repository.HeldEvents.RowComment;
import eu.drugsplan.submissions.repository.ReviewLog;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionWarning;
import eu.drugsplan.submissions.service.plausibility.WarningCode;
import eu.drugsplan.submissions.service.review.Actor;
import eu.drugsplan.submissions.service.review.ReviewAction;
import eu.drugsplan.submissions.service.review.ReviewRules;
import eu.drugsplan.submissions.service.review.ReviewRules.Apply;
import eu.drugsplan.submissions.service.review.ReviewRules.Decision;
import eu.drugsplan.submissions.service.review.ReviewRules.Refused;
import eu.drugsplan.submissions.service.review.ReviewState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moves submissions through their review ({@link ReviewRules} decide), one at a time under a row lock so that
 * two clicks at once release once. Each applied step is recorded in the audit and published on Kafka; a release
 * whose publication time has come copies the held events into the outbox, which makes them official.
 */
@ApplicationScoped
public class ReviewService {

    /** A reviewer's comment on one row, by series key and period. */
    public record RowNote(String series, String period, String comment) {
    }

    /** A warning of a submission: the rule's code on the row it names. */
    public record WarningRef(String row, WarningCode code) {
    }

    private final HeldEvents held;
    private final ReviewLog log;
    private final Outbox outbox;

    public ReviewService(HeldEvents held, ReviewLog log, Outbox outbox) {
        this.held = held;
        this.log = log;
        this.outbox = outbox;
    }

    /** At the end of intake: rows under review wait for their bodies; the others are official already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(Submission s) {
        Actor submitter = new Actor(s.submittedBy == null ? s.reporter : s.submittedBy, s.reporter, false);
        if (!s.reviewingBodies().isEmpty()) {
            s.reviewState = ReviewState.IN_REVIEW;
            log.record(s, ReviewAction.SUBMITTED, submitter, null, null, null);
        } else if (s.events() > 0) {
            s.reviewState = ReviewState.OFFICIAL;
            s.officialAt = Instant.now();
            log.record(s, ReviewAction.RELEASED_ON_SUBMISSION, submitter, null,
                    "the catalogue releases the reviewing body's own submissions of these measures", null);
        }
    }

    /** publishAt: null or past means now. */
    @Transactional
    public Submission release(UUID id, Actor actor, Instant publishAt, String note) {
        Submission s = locked(id);
        Decision decision = ReviewRules.release(reviewCase(s), actor);
        if (decision instanceof Apply apply) {
            Instant now = Instant.now();
            Instant at = publishAt == null || publishAt.isBefore(now) ? now : publishAt;
            s.releasedBy(apply.releasedBy());
            // with several bodies the latest publication time any of them asked for holds
            s.publishAt = s.publishAt == null || at.isAfter(s.publishAt) ? at : s.publishAt;
            s.reviewState = apply.next();
            log.record(s, ReviewAction.RELEASED, actor, acting(s, actor), note, at);
            if (s.reviewState == ReviewState.RELEASED && !s.publishAt.isAfter(now)) {
                publish(s);
            }
        }
        return answer(s, decision);
    }

    @Transactional
    public Submission returnToReporter(UUID id, Actor actor, String comment, List<RowNote> rows) {
        Submission s = locked(id);
        Decision decision = ReviewRules.returnToReporter(reviewCase(s), actor);
        if (decision instanceof Apply apply) {
            Instant now = Instant.now();
            for (RowNote row : rows) {
                held.comment(s.id, new RowComment(row.series(), row.period(), row.comment(), actor.subject(),
                        acting(s, actor), now));
            }
            s.reviewState = apply.next();
            s.reviewComment = comment;
            log.record(s, ReviewAction.RETURNED, actor, acting(s, actor), comment, null);
        }
        return answer(s, decision);
    }

    /**
     * All or nothing: a warning the submission does not have refuses the whole request. A warning accepted before
     * keeps its first acceptance, so that sending the same request twice records it once.
     */
    @Transactional
    public Submission acceptWarnings(UUID id, Actor actor, List<WarningRef> warnings, String note) {
        Submission s = locked(id);
        Decision decision = ReviewRules.acceptWarnings(reviewCase(s), actor);
        if (decision instanceof Apply) {
            List<SubmissionWarning> found = new ArrayList<>();
            for (WarningRef ref : warnings) {
                found.add(SubmissionWarning.of(id, ref.row(), ref.code().name()).orElseThrow(() -> new ProblemException(
                        Problems.of(Response.Status.NOT_FOUND, "warning-not-found", "The submission has no warning "
                                + ref.code() + " on " + ref.row() + "; nothing was accepted."))));
            }
            List<SubmissionWarning> fresh = found.stream().filter(w -> w.acceptedAt == null).distinct().toList();
            Instant now = Instant.now();
            for (SubmissionWarning w : fresh) {
                w.acceptedBy = actor.subject();
                w.acceptedBody = acting(s, actor);
                w.acceptedAt = now;
                w.acceptedNote = note;
            }
            if (!fresh.isEmpty()) {
                log.record(s, ReviewAction.WARNINGS_ACCEPTED, actor, acting(s, actor), accepted(fresh, note), null);
            }
        }
        return answer(s, decision);
    }

    @Transactional
    public Submission withdraw(UUID id, Actor actor, String note) {
        Submission s = locked(id);
        Decision decision = ReviewRules.withdraw(reviewCase(s), actor);
        if (decision instanceof Apply apply) {
            s.reviewState = apply.next();
            log.record(s, ReviewAction.WITHDRAWN, actor, null, note, null);
        }
        return answer(s, decision);
    }

    /** A release whose publication time has come: its held events go to the outbox, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Submission s) {
        long[] range = held.release(s.id);
        if (range != null) {
            s.coverEvents(range[0], range[1]);
            s.publishedAt = null;
            outbox.wakeRelayAfterCommit();
        }
        s.reviewState = ReviewState.OFFICIAL;
        s.officialAt = Instant.now();
        log.record(s, ReviewAction.OFFICIAL, Actor.SYSTEM, null, null, s.publishAt);
    }

    /** The audit's note of an acceptance: which warnings (the first twenty by name) and why. */
    private static String accepted(List<SubmissionWarning> warnings, String note) {
        String named = warnings.stream().limit(20).map(w -> w.code + " " + w.rowPointer)
                .collect(Collectors.joining(", "));
        String more = warnings.size() > 20 ? " and " + (warnings.size() - 20) + " more" : "";
        return warnings.size() + " warning(s) (" + named + more + "): " + note;
    }

    /** The bodies the reviewer acts for on this submission, as the audit names them. */
    private static String acting(Submission s, Actor actor) {
        return String.join(",", actor.actingFor(s.reviewingBodies()));
    }

    private static Submission locked(UUID id) {
        Submission s = Submission.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new ProblemException(Problems.of(Response.Status.NOT_FOUND, "submission-not-found",
                    "No submission " + id + "."));
        }
        return s;
    }

    private static ReviewRules.Case reviewCase(Submission s) {
        return new ReviewRules.Case(s.reviewState, s.reporter, s.submittedBy, s.reviewingBodies(), s.releasedBy());
    }

    private static Submission answer(Submission s, Decision decision) {
        if (decision instanceof Refused refused) {
            throw new ProblemException(Problems.of(Response.Status.fromStatusCode(refused.status()), refused.code(),
                    refused.detail()));
        }
        return s;
    }
}
