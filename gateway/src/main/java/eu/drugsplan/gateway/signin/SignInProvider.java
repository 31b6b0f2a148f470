package eu.drugsplan.gateway.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The sign-in configuration the dashboard reads: the issuer's discovery document, fetched once and kept for
 * {@code gateway.sign-in.cache-for}; then fetched again, and while the provider does not answer, sign-in is
 * refused with the reason (the page says so) instead of offered with endpoints nobody answers at. The token
 * endpoint last seen stays in the Content-Security-Policy's connect-src, so a page loaded before an outage can
 * still renew its token once the provider is back.
 */
@ApplicationScoped
public class SignInProvider {

    private static final Logger LOG = Logger.getLogger(SignInProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer the page gets: sign-in not configured, offered with these endpoints, or unavailable now. */
    public sealed interface State {
    }

    public record NotConfigured() implements State {
    }

    public record Offered(SignInEndpoints endpoints) implements State {
    }

    public record Unavailable(String reason) implements State {
    }

    private record Fetched(SignInEndpoints endpoints, Instant until) {
    }

    private final GatewayConfig.SignIn config;
    private final HttpClient http;
    private final Clock clock;
    private volatile Fetched fetched;
    private volatile String lastTokenEndpoint;
    private CompletableFuture<State> inFlight;

    public SignInProvider(GatewayConfig gateway) {
        this.config = gateway.signIn();
        this.http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = Clock.systemUTC();
    }

    /** Fetched at start, so that the dashboard's first page already has the token endpoint in its policy. */
    void fetchAtStart(@Observes StartupEvent start) {
        if (configured()) {
            state();
        }
    }

    public boolean configured() {
        return config.issuer().isPresent() && config.clientId().filter(id -> !id.isBlank()).isPresent();
    }

    /** The token endpoint of the last discovery document that was accepted, if any: for connect-src. */
    public Optional<String> tokenEndpoint() {
        return Optional.ofNullable(lastTokenEndpoint);
    }

    public CompletionStage<State> state() {
        if (!configured()) {
            return CompletableFuture.completedFuture(new NotConfigured());
        }
        Fetched current = fetched;
        if (current != null && clock.instant().isBefore(current.until())) {
            return CompletableFuture.completedFuture(new Offered(current.endpoints()));
        }
        synchronized (this) {
            if (inFlight == null) {
                CompletableFuture<State> fetch = fetch();
                inFlight = fetch;
                fetch.whenComplete((state, failure) -> {
                    synchronized (this) {
                        inFlight = null;
                    }
                });
            }
            return inFlight;
        }
    }

    private CompletableFuture<State> fetch() {
        URI issuer = config.issuer().orElseThrow();
        URI discovery = URI.create(issuer.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(config.fetchTimeout())
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(discovery + " answered " + response.statusCode());
                    }
                    try {
                        JsonNode document = JSON.readTree(response.body());
                        return SignInEndpoints.of(document, issuer, config.clientId().orElseThrow(), config.scope());
                    } catch (IOException e) {
                        throw new IllegalStateException(discovery + " is not JSON: " + e.getMessage());
                    }
                })
                .<State>thenApply(endpoints -> {
                    fetched = new Fetched(endpoints, clock.instant().plus(config.cacheFor()));
                    lastTokenEndpoint = endpoints.tokenEndpoint();
                    return new Offered(endpoints);
                })
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    String reason = cause instanceof IOException
                            ? "the provider at " + issuer + " does not answer (" + cause.getClass().getSimpleName() + ")"
                            : String.valueOf(cause.getMessage());
                    LOG.warnf("sign-in not offered: %s", reason);
                    return new Unavailable(reason);
                });
    }
}
