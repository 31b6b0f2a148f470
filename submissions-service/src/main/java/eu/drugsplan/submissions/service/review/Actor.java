package eu.drugsplan.submissions.service.review;

import java.util.Set;
import java.util.TreeSet;

/**
 * The person acting, from the verified token: its subject, the reporter it speaks for, whether it holds the
 * reviewer role, and the bodies it reviews for (the token's {@code reviewing_bodies}; without that claim, the
 * reporter itself).
 */
public record Actor(String subject, String reporter, boolean reviewer, Set<String> bodies) {

    /** The publisher, acting at a release's publication time. */
    public static final Actor SYSTEM = new Actor("system", null, false, Set.of());

    public Actor {
        bodies = Set.copyOf(bodies);
    }

    public Actor(String subject, String reporter, boolean reviewer) {
        this(subject, reporter, reviewer, reporter == null ? Set.of() : Set.of(reporter));
    }

    /** The bodies of the submission this person reviews for, sorted. */
    public Set<String> actingFor(Set<String> reviewingBodies) {
        Set<String> acting = new TreeSet<>(bodies);
        acting.retainAll(reviewingBodies);
        return acting;
    }
}
