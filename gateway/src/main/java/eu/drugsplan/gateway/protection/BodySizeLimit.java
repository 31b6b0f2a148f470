package eu.drugsplan.gateway.protection;

import eu.drugsplan.gateway.config.GatewayConfig;
import eu.drugsplan.gateway.http.CanonicalPathFilter;
import eu.drugsplan.gateway.http.Problems;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a request body larger than its route allows before any of it is passed on: large uploads only on
 * the submission route, small bodies elsewhere. Bodies stream through the proxy, so the limit is judged on
 * Content-Length; a body without one (chunked) is accepted only on the submission route, where the service
 * enforces its own limit as it reads.
 */
@ApplicationScoped
public class BodySizeLimit implements Handler<RoutingContext> {

    private static final String SUBMISSIONS = "/api/v1/submissions";

    private final long defaultLimit;
    private final long submissionLimit;

    public BodySizeLimit(GatewayConfig config) {
        this.defaultLimit = config.limits().body().asLongValue();
        this.submissionLimit = config.limits().submissionBody().asLongValue();
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        // the canonical path, the one the request is routed by: the limit is the limit of the route taken
        String path = CanonicalPathFilter.path(context);
        boolean submission = path.equals(SUBMISSIONS) || path.startsWith(SUBMISSIONS + "/");
        long limit = submission ? submissionLimit : defaultLimit;
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                Problems.sendAndClose(context, HttpResponseStatus.BAD_REQUEST, "bad-content-length",
                        "The Content-Length header is not a number.");
                return;
            }
            if (declared > limit) {
                Problems.sendAndClose(context, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                        "This route takes a request body of at most " + limit + " bytes; this one has " + declared + ".");
                return;
            }
        } else if (!submission && request.getHeader("Transfer-Encoding") != null) {
            Problems.sendAndClose(context, HttpResponseStatus.LENGTH_REQUIRED, "length-required",
                    "Only the submission route streams bodies of unknown length; send a Content-Length (at most "
                            + limit + " bytes).");
            return;
        }
        context.next();
    }
}
