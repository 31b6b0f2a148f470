package eu.drugsplan.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Settles each request's path before any rule reads it: a target with no canonical form is a 400, and the
 * canonical path of every other is kept in the context for the rules that come after. Vert.x routes on its own
 * normalisation of the path; a canonical path is by construction equal to it, and a request where the two
 * differ is refused too, so the route taken and the rules applied can never be about two different paths.
 * The one rewrite: an SDMX series key of dots only ({@link SdmxKeyPath}) is routed in its explicit form.
 */
@ApplicationScoped
public class CanonicalPathFilter implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext context) {
        String explicitKey = SdmxKeyPath.explicit(context.request().uri());
        if (explicitKey != null) {
            // routed again from the first handler, as if the client had sent the explicit key (SdmxKeyPath)
            context.reroute(explicitKey);
            return;
        }
        CanonicalPath.Verdict verdict = CanonicalPath.of(context.request().uri());
        if (!verdict.accepted()) {
            Problems.send(context, HttpResponseStatus.BAD_REQUEST, "ambiguous-path", verdict.refusal());
            return;
        }
        if (!verdict.path().equals(context.normalizedPath())) {
            Problems.send(context, HttpResponseStatus.BAD_REQUEST, "ambiguous-path",
                    "The path reads differently once normalised; send its normalised form.");
            return;
        }
        context.put(CanonicalPath.KEY, verdict.path());
        context.next();
    }

    /** The canonical path of a request this filter let through. */
    public static String path(RoutingContext context) {
        String path = context.get(CanonicalPath.KEY);
        return path != null ? path : context.normalizedPath();
    }
}
