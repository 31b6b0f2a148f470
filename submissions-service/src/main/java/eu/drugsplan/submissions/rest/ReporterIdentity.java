package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.security.ClaimRules;
import eu.drugsplan.submissions.security.ClaimCheckingJwtMechanism;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * The reporter a verified token speaks for: a Member State or an agency code in the "reporter" claim, read
 * from the claims ClaimCheckingJwtMechanism typed (a token whose reporter is an array or a number never gets here).
 */
@RequestScoped
public class ReporterIdentity {

    public static final String REPORTER_CLAIM = "reporter";

    private final SecurityIdentity identity;

    public ReporterIdentity(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String reporter() {
        String reporter = claims() == null ? null : claims().reporter();
        if (reporter == null || reporter.isBlank()) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "no-reporter",
                    "The token names no reporter; a submission is always made for a Member State or an agency."));
        }
        return reporter;
    }

    public boolean isReviewer() {
        Set<String> groups = claims() == null ? Set.of() : claims().groups();
        return groups.contains("reviewer") || groups.contains("admin");
    }

    private ClaimRules.Claims claims() {
        return identity.getAttribute(ClaimCheckingJwtMechanism.CLAIMS);
    }
}
