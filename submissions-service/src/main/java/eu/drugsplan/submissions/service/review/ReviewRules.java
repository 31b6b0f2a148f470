package eu.drugsplan.submissions.service.review;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who may move a submission under review, and where to. Repeating the action that led to the current state
 * changes nothing and is no error (a double click releases once); any other action the state does not allow is
 * refused. Four eyes: the person who releases is never the person who submitted.
 */
public final class ReviewRules {

    private ReviewRules() {
    }

    /** What the rules need to know of a submission. */
    public record Case(ReviewState state, String reporter, String submittedBy, Set<String> reviewingBodies,
                       Set<String> releasedBy) {
    }

    /** The outcome of an action. */
    public sealed interface Decision {
    }

    /** Apply it: the submission moves to {@code next}, released by {@code releasedBy} so far. */
    public record Apply(ReviewState next, Set<String> releasedBy) implements Decision {
    }

    /** Nothing to do: the action was applied before. */
    public record Unchanged() implements Decision {
    }

    /** {@code status} 403 (not this person's to do) or 409 (not in this state); {@code code} is stable. */
    public record Refused(int status, String code, String detail) implements Decision {
    }

    public static Decision release(Case c, Actor actor) {
        Refused refused = reviewerOf(c, actor);
        if (refused != null) {
            return refused;
        }
        Set<String> acting = actor.actingFor(c.reviewingBodies());
        if (actor.subject().equals(c.submittedBy())) {
            return new Refused(403, "four-eyes", "The person who submitted the data cannot release it; another "
                    + "reviewer of " + String.join(", ", acting) + " must.");
        }
        if (c.releasedBy().containsAll(acting)
                && (c.state() == ReviewState.IN_REVIEW || c.state() == ReviewState.RELEASED
                || c.state() == ReviewState.OFFICIAL)) {
            return new Unchanged();
        }
        if (c.state() != ReviewState.IN_REVIEW) {
            return conflict(c, "released");
        }
        Set<String> released = new TreeSet<>(c.releasedBy());
        released.addAll(acting);
        ReviewState next = released.containsAll(c.reviewingBodies()) ? ReviewState.RELEASED : ReviewState.IN_REVIEW;
        return new Apply(next, released);
    }

    /**
     * Accepting a plausibility warning is a reviewer's judgement like a release: a reviewer of one of the
     * submission's bodies, never the submitter, while the submission is in review. It does not move the
     * submission ({@code next} is its state).
     */
    public static Decision acceptWarnings(Case c, Actor actor) {
        Refused refused = reviewerOf(c, actor);
        if (refused != null) {
            return refused;
        }
        if (actor.subject().equals(c.submittedBy())) {
            return new Refused(403, "four-eyes", "The person who submitted the data cannot accept its warnings; "
                    + "another reviewer must.");
        }
        if (c.state() != ReviewState.IN_REVIEW) {
            return new Refused(409, "review-state-conflict", "The submission is " + c.state()
                    + "; warnings are accepted while it is in review.");
        }
        return new Apply(c.state(), c.releasedBy());
    }

    public static Decision returnToReporter(Case c, Actor actor) {
        Refused refused = reviewerOf(c, actor);
        if (refused != null) {
            return refused;
        }
        if (c.state() == ReviewState.RETURNED) {
            return new Unchanged();
        }
        if (c.state() != ReviewState.IN_REVIEW) {
            return conflict(c, "returned");
        }
        return new Apply(ReviewState.RETURNED, c.releasedBy());
    }

    public static Decision withdraw(Case c, Actor actor) {
        if (!c.reporter().equals(actor.reporter())) {
            return new Refused(403, "not-your-submission", "Only " + c.reporter() + " may withdraw its submission.");
        }
        if (c.state() == ReviewState.WITHDRAWN) {
            return new Unchanged();
        }
        if (c.state() != ReviewState.IN_REVIEW && c.state() != ReviewState.RETURNED) {
            return conflict(c, "withdrawn");
        }
        return new Apply(ReviewState.WITHDRAWN, c.releasedBy());
    }

    private static Refused reviewerOf(Case c, Actor actor) {
        if (c.state() == null || c.reviewingBodies().isEmpty()) {
            return new Refused(409, "review-state-conflict", "Nothing of this submission is under review.");
        }
        if (!actor.reviewer()) {
            return new Refused(403, "not-a-reviewer", "Only a reviewer may release or return a submission.");
        }
        if (actor.actingFor(c.reviewingBodies()).isEmpty()) {
            return new Refused(403, "not-your-body", "This submission is reviewed by " + String.join(", ",
                    c.reviewingBodies()) + "; the token reviews for " + (actor.bodies().isEmpty() ? "no body"
                    : String.join(", ", new TreeSet<>(actor.bodies()))) + ".");
        }
        return null;
    }

    private static Refused conflict(Case c, String wanted) {
        return new Refused(409, "review-state-conflict", "The submission is " + c.state() + " and cannot be "
                + wanted + " now.");
    }
}
