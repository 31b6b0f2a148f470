package eu.drugsplan.reporting.service;

import eu.drugsplan.reporting.config.TrendsConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.Flow;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Every committed trend change, for the Server-Sent Events stream. Changes arrive here only after their
 * transaction commits (a rolled-back change is never streamed). Each subscriber has its own bounded buffer:
 * a dashboard too slow to keep up has its stream ended (and reconnects) instead of holding back the
 * consumer or the other subscribers.
 */
@ApplicationScoped
public class TrendStream {

    private static final Logger LOG = Logger.getLogger(TrendStream.class);

    // serialized: Kafka consumer threads of several partitions may commit at once
    private final Flow.Processor<TrendChanged, TrendChanged> processor = BroadcastProcessor.<TrendChanged>create()
            .serialized();
    private final TrendsConfig config;

    public TrendStream(TrendsConfig config) {
        this.config = config;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrendChanged change) {
        try {
            processor.onNext(change);
        } catch (RuntimeException e) {
            // the trend is stored either way; a stream client missing one change must not fail the consumer
            LOG.warnf("trend change of %s not streamed: %s", change.seriesKey(), e.getMessage());
        }
    }

    /** The changes from now on that match. */
    public Multi<TrendChanged> changes(Predicate<TrendChanged> filter) {
        return Multi.createFrom().publisher(processor)
                .select().where(filter)
                .onOverflow().buffer(config.streamBuffer());
    }
}
