package eu.drugsplan.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Records published per relay transaction. */
    @WithDefault("1000")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it rolls back and retries. */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * The relay is woken by every commit that wrote to the outbox; this is only the fallback poll, for
     * records committed by another replica or left over after a failure.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Pause after a failed batch (Kafka away), so a dead broker is not hammered. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Published records are kept this long for inspection, then purged. */
    @WithDefault("1h")
    Duration retention();
}
