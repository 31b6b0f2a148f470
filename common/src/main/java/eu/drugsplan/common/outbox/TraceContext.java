package eu.drugsplan.common.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a trace across the outbox as a W3C traceparent string: the relay publishes from its own thread,
 * long after the request's context is gone, so the context travels in the row instead. Writers that bypass
 * {@link Outbox} (bulk COPY) store {@link #current()} in the {@code traceparent} column themselves.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** The current span's traceparent, or null when nothing is traced (tracing off, or no span here). */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        // the W3C propagator writes nothing for an invalid span context, so "not traced" stays null
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a traceparent names, as the parent of the span that publishes the record. */
    static Context parentOf(String traceparent) {
        return W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
    }
}
