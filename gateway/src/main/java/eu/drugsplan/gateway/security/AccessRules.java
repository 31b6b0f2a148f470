package eu.drugsplan.gateway.security;

import eu.drugsplan.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Who may do what on the public API. The gateway enforces these coarse rules; the services apply the fine
 * ones (a reporter sees only its own submissions unless it is a reviewer; a reviewer releases only for its own
 * body and never its own submission), and verify the token again.
 */
@ApplicationScoped
public class AccessRules {

    static final String SUBMISSIONS = "/api/v1/submissions";
    static final String REVIEW = "/api/v1/review";
    static final String OPENAPI = "/api/v1/openapi";
    /**
     * The reviewing body's actions on one submission (issue 16): {@code /api/v1/submissions/{id}/release}, {@code
     * .../return} and {@code .../warnings/accept}.
     */
    private static final Pattern REVIEW_ACTION =
            Pattern.compile("/api/v1/submissions/[^/]+/(release|return|warnings/accept)");

    private final GatewayConfig.Access access;

    public AccessRules(GatewayConfig config) {
        this.access = config.access();
    }

    public Requirement of(HttpMethod method, String path) {
        boolean reading = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (path.equals(OPENAPI) || path.startsWith(OPENAPI + "/") || path.startsWith(OPENAPI + ".")) {
            return Requirement.NONE;
        }
        if (path.equals(REVIEW) || path.startsWith(REVIEW + "/")) {
            // the review queue and audit: what waits for the token's body, and every transition
            return Requirement.role(access.reviewRole());
        }
        if (!reading && REVIEW_ACTION.matcher(path).matches()) {
            return Requirement.role(access.reviewRole());
        }
        if (path.equals(SUBMISSIONS) || path.startsWith(SUBMISSIONS + "/")) {
            // writing (submitting, withdrawing one's own submission) needs the submit role;
            // reading submissions needs a token: the service then shows a reporter its own, a reviewer all
            return reading ? Requirement.AUTHENTICATED : Requirement.role(access.submitRole());
        }
        if (reading) {
            return access.publicRead() ? Requirement.NONE : Requirement.anyRole(access.readRoles());
        }
        return Requirement.role(access.adminRole());
    }
}
