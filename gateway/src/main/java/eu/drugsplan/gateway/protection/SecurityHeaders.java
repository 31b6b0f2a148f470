package eu.drugsplan.gateway.protection;

import eu.drugsplan.gateway.config.GatewayConfig;
import eu.drugsplan.gateway.signin.SignInProvider;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Security headers on every answer, the proxied ones included (set when the headers go out, so a backend's
 * answer cannot drop them). The Content-Security-Policy is left off the /q/ tool pages (Swagger UI needs
 * inline script); the dashboard and the API get the strict one. With sign-in configured, its connect-src also
 * names the provider's token endpoint (that one URL, not the provider's host), where the dashboard exchanges its
 * authorization code and renews its token; until the gateway has read the provider's discovery document it names
 * nothing more, and sign-in is not offered either.
 */
@ApplicationScoped
public class SecurityHeaders implements Handler<RoutingContext> {

    /** The policy for the token endpoint it was written for: rewritten only when that endpoint changes. */
    private record Policy(String tokenEndpoint, String value) {
    }

    private final GatewayConfig.Headers config;
    private final SignInProvider signIn;
    private volatile Policy policy;

    public SecurityHeaders(GatewayConfig gateway, SignInProvider signIn) {
        this.config = gateway.headers();
        this.signIn = signIn;
        this.policy = new Policy(null, config.contentSecurityPolicy());
    }

    @Override
    public void handle(RoutingContext context) {
        boolean toolPage = context.request().path().startsWith("/q/");
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", config.referrerPolicy());
            if (!toolPage) {
                headers.set("Content-Security-Policy", contentSecurityPolicy());
            }
            config.strictTransportSecurity().filter(s -> !s.isBlank())
                    .ifPresent(value -> headers.set("Strict-Transport-Security", value));
        });
        context.next();
    }

    /** Every answer carries it: written once per token endpoint the provider names, not once per answer. */
    private String contentSecurityPolicy() {
        String token = signIn.tokenEndpoint().orElse(null);
        Policy current = policy;
        if (!java.util.Objects.equals(current.tokenEndpoint(), token)) {
            String base = config.contentSecurityPolicy();
            current = new Policy(token, token == null ? base : withConnectSource(base, token));
            policy = current;
        }
        return current.value();
    }

    /** The policy with one more source in its connect-src (added as {@code connect-src 'self' <source>} if absent). */
    static String withConnectSource(String policy, String source) {
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (String directive : policy.split(";")) {
            String trimmed = directive.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.toLowerCase(java.util.Locale.ROOT).startsWith("connect-src")) {
                trimmed = trimmed + " " + source;
                found = true;
            }
            out.append(out.isEmpty() ? "" : "; ").append(trimmed);
        }
        if (!found) {
            out.append(out.isEmpty() ? "" : "; ").append("connect-src 'self' ").append(source);
        }
        return out.toString();
    }
}
