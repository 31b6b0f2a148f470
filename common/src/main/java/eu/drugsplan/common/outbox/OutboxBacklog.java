package eu.drugsplan.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Exposes how much is waiting in the outbox, as a metric and in the readiness report. A backlog does
 * not make the service unready: it keeps accepting work while Kafka is away and says so here.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklog implements HealthCheck {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxBacklog(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished event")
                .register(registry);
    }

    @Scheduled(every = "${outbox.backlog-refresh:2s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void refresh() {
        pending.set(OutboxEvent.count("publishedAt is null"));
        Instant oldest = OutboxEvent.find("publishedAt is null order by id")
                .project(OldestPending.class).firstResultOptional()
                .map(OldestPending::createdAt).orElse(null);
        oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
    }

    public long pending() {
        return pending.get();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox")
                .up()
                .withData("pending", pending.get())
                .withData("oldestPendingAgeSeconds", oldestAgeSeconds.get())
                .build();
    }

    /** Projection of the one column the backlog needs. */
    public record OldestPending(Instant createdAt) {
    }
}
