package eu.drugsplan.gateway.security;

import eu.drugsplan.contracts.security.ClaimRules;
import eu.drugsplan.gateway.http.Problems;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Verifies a Bearer token when one is given (RS256 signature, issuer, audience, expiry, as configured by the
 * mp.jwt.verify.* keys), then its claims (contracts' ClaimRules: types, iat not in the future, lifetime) and
 * records the caller. A token that does not verify is refused with 401 even on
 * open routes: a client with a broken token should learn it at once rather than be served as anonymous.
 * The Authorization header itself passes on, so the services verify the token too.
 */
@ApplicationScoped
public class BearerAuthentication implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(BearerAuthentication.class);
    private static final String BEARER = "bearer ";

    private final JWTParser parser;
    private final ClaimRules claimRules;
    private final Vertx vertx;

    public BearerAuthentication(JWTParser parser, ClaimRules claimRules, Vertx vertx) {
        this.parser = parser;
        this.claimRules = claimRules;
        this.vertx = vertx;
    }

    @Override
    public void handle(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null) {
            context.put(Caller.KEY, Caller.ANONYMOUS);
            context.next();
            return;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            unauthorized(context, "Only Bearer tokens are accepted here.");
            return;
        }
        String token = authorization.substring(BEARER.length()).trim();
        // keep the body where it is while the token is checked off the event loop: the proxy streams it later
        context.request().pause();
        // off the event loop: with an OpenID Connect provider the first check fetches its key set over HTTP
        vertx.executeBlocking(() -> verified(token), false).onComplete(result -> {
            if (result.succeeded()) {
                ClaimRules.Claims claims = result.result();
                context.put(Caller.KEY, new Caller(claims.subject(), claims.reporter(), claims.groups()));
                context.next();
            } else {
                Throwable failure = result.cause();
                LOG.debugf("refused a token for %s %s: %s", context.request().method(), context.request().path(),
                        failure instanceof ParseException && failure.getCause() != null ? failure.getCause() : failure);
                unauthorized(context, failure instanceof ClaimRules.Refused ? failure.getMessage()
                        : "The bearer token is not valid here (signature, issuer, audience or expiry).");
            }
        });
    }

    private ClaimRules.Claims verified(String token) throws ParseException {
        JsonWebToken jwt = parser.parse(token);
        return claimRules.check(jwt.getRawToken(), Instant.now());
    }

    static void unauthorized(RoutingContext context, String detail) {
        context.response().putHeader("WWW-Authenticate", "Bearer realm=\"drugsplan\"");
        Problems.send(context, HttpResponseStatus.UNAUTHORIZED, "unauthorized", detail);
    }
}
