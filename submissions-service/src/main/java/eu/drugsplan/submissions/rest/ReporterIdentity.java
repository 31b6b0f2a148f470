package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The reporter a verified token speaks for: a Member State or an agency code in the "reporter" claim. */
@RequestScoped
public class ReporterIdentity {

    public static final String REPORTER_CLAIM = "reporter";

    private final JsonWebToken token;

    public ReporterIdentity(JsonWebToken token) {
        this.token = token;
    }

    public String reporter() {
        String reporter = token.getClaim(REPORTER_CLAIM);
        if (reporter == null || reporter.isBlank()) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "no-reporter",
                    "The token names no reporter; a submission is always made for a Member State or an agency."));
        }
        return reporter;
    }

    public boolean isReviewer() {
        return token.getGroups().contains("reviewer") || token.getGroups().contains("admin");
    }
}
