package eu.drugsplan.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Backends backends();

    /** How long to wait for a backend to accept a connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long a backend connection may carry no byte in either direction before the gateway answers 504: an
     * upload that keeps sending is never cut, and the wait for an answer counts from the last byte sent.
     */
    @WithDefault("30s")
    Duration idleTimeout();

    /**
     * How long an idle backend connection stays in the pool. Shorter than {@link #idleTimeout()}: a pooled connection
     * idle for the whole idle timeout is closed by it, and a request handed that connection in the same instant failed
     * at once with "Connection was closed" (a 504 in CI, GET /api/v1/codelists after a 30 s pause). The pool does not
     * lend a connection past its keep-alive, so the idle timeout only ever fires on a request in flight. Capped at
     * half the idle timeout (ApiProxy).
     */
    @WithDefault("10s")
    Duration backendKeepAlive();

    Access access();

    Limits limits();

    RateLimit rateLimit();

    Headers headers();

    OpenApi openapi();

    Isolation isolation();

    SignIn signIn();

    interface Backends {
        URI indicators();

        URI submissions();

        URI reporting();
    }

    interface Access {
        /** Whether published data (catalogue, data, coverage, trends, scoreboard) may be read without a token. */
        @WithDefault("true")
        boolean publicRead();

        /** With public reading off: any one of these roles may read published data. */
        @WithDefault("reader,reviewer,admin")
        List<String> readRoles();

        /** The role that may post submissions. */
        @WithDefault("submitter")
        String submitRole();

        /**
         * The role that may release or return a submission and read the review queue and audit (issue 16): the
         * token's {@code reporter} claim is then the reviewing body (an agency) it acts for.
         */
        @WithDefault("reviewer")
        String reviewRole();

        /** The role that may change the catalogue (no service offers such writes yet). */
        @WithDefault("admin")
        String adminRole();
    }

    interface Limits {
        /** The largest request body on every route but the submission route. */
        @WithDefault("64K")
        MemorySize body();

        /** The largest request body on the submission route (a million-row CSV is about 100 MB). */
        @WithDefault("1024M")
        MemorySize submissionBody();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests one reporter (or one anonymous client address) may make per period. */
        @WithDefault("6000")
        long requests();

        @WithDefault("1m")
        Duration period();

        /** How many distinct callers are tracked at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        long maxTrackedCallers();
    }

    interface Headers {
        /** Content-Security-Policy of the dashboard and the API answers (not of /q/ tool pages). */
        @WithDefault("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy();

        @WithDefault("no-referrer")
        String referrerPolicy();

        /** Strict-Transport-Security value; empty (the default) sends none, as the local run has no TLS. */
        Optional<String> strictTransportSecurity();
    }

    interface OpenApi {
        /**
         * Where the services' documents stored at their build are: {@code <schemas>/<service>/openapi.json}, on the
         * class path ({@code classpath:...}, where the gateway's build bundles them) or in a directory.
         */
        @WithDefault("classpath:openapi")
        String schemas();
    }

    /** What one client may hold at once, and how long anyone waits for a backend (protection/, proxy/). */
    interface Isolation {
        /** Open connections per client address (0: no limit); counted from a connection's first request. */
        @WithDefault("128")
        int connectionsPerClient();

        /** Requests in flight per reporter, or per address when anonymous (0: no limit); streams not counted. */
        @WithDefault("64")
        int requestsPerClient();

        /** Open trend streams per reporter, or per address when anonymous (0: no limit). */
        @WithDefault("8")
        int streamsPerClient();

        /** Pooled connections to each backend for ordinary requests. */
        @WithDefault("100")
        int poolSize();

        /** Connections to the reporting service for trend streams: a pool of their own, so streams never take ordinary slots. */
        @WithDefault("512")
        int streamPoolSize();

        /** How long a request may wait for a pooled backend connection before it is answered 503. */
        @WithDefault("1s")
        Duration poolWait();

        /** How many requests may wait for a pooled connection at once; more are answered 503 at once. */
        @WithDefault("256")
        int poolWaitQueue();

        /** How long a request body may stop moving before the gateway answers 408 and closes the connection. */
        @WithDefault("15s")
        Duration bodyIdleTimeout();

        /** The Retry-After (seconds) of a refusal for a limit above or a busy pool. */
        @WithDefault("2")
        int retryAfter();
    }

    /**
     * People signing in to the dashboard (authorization-code flow with PKCE, run by the page itself): the OpenID
     * Connect provider's issuer and the dashboard's public client. Without both, sign-in is not offered.
     */
    interface SignIn {
        /** The issuer exactly as the provider writes it in {@code iss}; its discovery document is read from it. */
        Optional<URI> issuer();

        /** The public client the dashboard signs in with (no secret: it runs in the browser). */
        Optional<String> clientId();

        /** The scopes the dashboard asks for. */
        @WithDefault("openid profile")
        String scope();

        /** How long a fetched discovery document is kept before the provider is asked again. */
        @WithDefault("60s")
        Duration cacheFor();

        /** How long the provider may take to hand over its discovery document. */
        @WithDefault("3s")
        Duration fetchTimeout();
    }
}
