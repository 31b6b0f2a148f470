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

    /** Published records are kept this long for inspection, then purged. */
    @WithDefault("1h")
    Duration retention();
}
