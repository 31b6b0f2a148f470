package eu.drugsplan.gateway.protection;

import eu.drugsplan.gateway.config.GatewayConfig;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Security headers on every answer, the proxied ones included (set when the headers go out, so a backend's
 * answer cannot drop them). The Content-Security-Policy is left off the /q/ tool pages (Swagger UI needs
 * inline script); the dashboard and the API get the strict one.
 */
@ApplicationScoped
public class SecurityHeaders implements Handler<RoutingContext> {

    private final GatewayConfig.Headers config;

    public SecurityHeaders(GatewayConfig gateway) {
        this.config = gateway.headers();
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
                headers.set("Content-Security-Policy", config.contentSecurityPolicy());
            }
            config.strictTransportSecurity().filter(s -> !s.isBlank())
                    .ifPresent(value -> headers.set("Strict-Transport-Security", value));
        });
        context.next();
    }
}
