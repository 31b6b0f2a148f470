package eu.drugsplan.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Backends backends();

    /** How long to wait for a backend to accept a connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a backend may stay silent on a request before the gateway answers 504. */
    @WithDefault("30s")
    Duration idleTimeout();

    interface Backends {
        URI indicators();

        URI submissions();

        URI reporting();
    }
}
