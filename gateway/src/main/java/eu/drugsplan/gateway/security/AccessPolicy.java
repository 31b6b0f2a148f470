package eu.drugsplan.gateway.security;

import eu.drugsplan.gateway.http.CanonicalPathFilter;
import eu.drugsplan.gateway.http.Problems;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets a request through only if its caller meets the route's requirement: 401 without a token, 403 without the
 * role. The route is the canonical path, the one the request is routed by.
 */
@ApplicationScoped
public class AccessPolicy implements Handler<RoutingContext> {

    private final AccessRules rules;

    public AccessPolicy(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public void handle(RoutingContext context) {
        Requirement requirement = rules.of(context.request().method(), CanonicalPathFilter.path(context));
        Caller caller = context.get(Caller.KEY, Caller.ANONYMOUS);
        if (requirement.authenticated() && !caller.authenticated()) {
            BearerAuthentication.unauthorized(context, "This request needs a bearer token.");
            return;
        }
        if (!requirement.anyOfRoles().isEmpty() && !caller.hasAnyRole(requirement.anyOfRoles())) {
            Problems.send(context, HttpResponseStatus.FORBIDDEN, "forbidden",
                    "This request needs the role " + String.join(" or ", requirement.anyOfRoles()) + ".");
            return;
        }
        context.next();
    }
}
