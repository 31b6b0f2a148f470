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

    /**
     * How long the relay lets records gather after a wake-up before it publishes them. Each pass costs a
     * transaction here and one downstream per batch the consumer receives, so under a steady stream of small
     * commits (one submission, one observation) passes of one record each would spend the machine on that
     * overhead; a few tens of milliseconds trade a little latency for batches that keep up.
     */
    @WithDefault("30ms")
    Duration gatherDelay();

    /** Pause after a failed batch (Kafka away), so a dead broker is not hammered. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Published records are kept this long for inspection, then purged. */
    @WithDefault("1h")
    Duration retention();
}
