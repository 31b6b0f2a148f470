package eu.drugsplan.submissions.security;

import eu.drugsplan.contracts.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A token that fails authentication (signature, issuer, audience, expiry, or the claim rules) is refused before
 * any resource runs, so no exception mapper sees it: this failure handler gives it the same problem document
 * as every other refusal, with the Bearer challenge (RFC 6750 3).
 */
@ApplicationScoped
public class AuthenticationProblems {

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
            context.next();
            return;
        }
        String detail = context.failure().getMessage() == null || context.failure().getMessage().isBlank()
                ? "The bearer token is not valid here (signature, issuer, audience or expiry)."
                : context.failure().getMessage();
        Problem problem = Problem.of(401, "Unauthorized", "unauthorized", detail).at(context.normalizedPath());
        context.response().setStatusCode(401)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"drugsplan\"")
                .end(Json.encode(problem));
    }
}
