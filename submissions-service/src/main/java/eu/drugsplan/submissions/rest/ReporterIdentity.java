package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.security.ClaimRules;
import eu.drugsplan.submissions.security.ClaimCheckingJwtMechanism;
import eu.drugsplan.submissions.service.SubmissionQueries;
import eu.drugsplan.submissions.service.review.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The reporter a verified token speaks for: a Member State or an agency code in the "reporter" claim, read
 * from the claims ClaimCheckingJwtMechanism typed (a token whose reporter is an array or a number never gets here).
 */
@RequestScoped
public class ReporterIdentity {

    public static final String REPORTER_CLAIM = "reporter";
    public static final String REVIEWING_BODIES = "reviewing_bodies";

    private final SecurityIdentity identity;

    public ReporterIdentity(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String reporter() {
        String reporter = claims() == null ? null : claims().reporter();
        if (reporter == null || reporter.isBlank()) {
            throw new ProblemException(Problems.of(Response.Status.FORBIDDEN, "no-reporter",
                    "The token names no reporter; a submission is always made for a Member State or an agency."));
        }
        return reporter;
    }

    /** The person: the token's subject (what four eyes compares). */
    public String subject() {
        String subject = claims() == null ? null : claims().subject();
        return subject == null || subject.isBlank() ? identity.getPrincipal().getName() : subject;
    }

    /** The person acting on a review, as the rules see it. */
    public Actor actor() {
        return new Actor(subject(), reporter(), isReviewer(), reviewingBodies());
    }

    /**
     * The bodies a reviewer acts for: the token's multivalued {@code reviewing_bodies} claim (the identity
     * provider's user attribute), else the reporter it speaks for.
     */
    public Set<String> reviewingBodies() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(REVIEWING_BODIES) : null;
        Set<String> bodies = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text && !text.getString().isBlank()) {
                    bodies.add(text.getString());
                }
            }
        } else if (claim instanceof JsonString text && !text.getString().isBlank()) {
            bodies.add(text.getString());
        } else if (claim instanceof String text && !text.isBlank()) {
            bodies.add(text);
        }
        return bodies.isEmpty() ? Set.of(reporter()) : bodies;
    }

    public boolean isReviewer() {
        Set<String> groups = claims() == null ? Set.of() : claims().groups();
        return groups.contains("reviewer") || groups.contains("admin");
    }

    /** Who reads: its reporter, and whether it may see every reporter's submissions. */
    public SubmissionQueries.Viewer viewer() {
        return new SubmissionQueries.Viewer(reporter(), isReviewer());
    }

    private ClaimRules.Claims claims() {
        return identity.getAttribute(ClaimCheckingJwtMechanism.CLAIMS);
    }
}
