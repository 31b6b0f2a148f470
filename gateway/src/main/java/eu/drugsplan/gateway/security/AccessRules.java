package eu.drugsplan.gateway.security;

import eu.drugsplan.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may do what on the public API. The gateway enforces these coarse rules; the services apply the fine
 * ones (a reporter sees only its own submissions unless it is a reviewer), and verify the token again.
 */
@ApplicationScoped
public class AccessRules {

    static final String SUBMISSIONS = "/api/v1/submissions";
    static final String OPENAPI = "/api/v1/openapi";

    private final GatewayConfig.Access access;

    public AccessRules(GatewayConfig config) {
        this.access = config.access();
    }

    public Requirement of(HttpMethod method, String path) {
        boolean reading = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (path.equals(OPENAPI) || path.startsWith(OPENAPI + "/") || path.startsWith(OPENAPI + ".")) {
            return Requirement.NONE;
        }
        if (path.equals(SUBMISSIONS) || path.startsWith(SUBMISSIONS + "/")) {
            // reading submissions needs a token: the service then shows a reporter its own, a reviewer all
            return reading ? Requirement.AUTHENTICATED : Requirement.role(access.submitRole());
        }
        if (reading) {
            return access.publicRead() ? Requirement.NONE : Requirement.anyRole(access.readRoles());
        }
        return Requirement.role(access.adminRole());
    }
}
