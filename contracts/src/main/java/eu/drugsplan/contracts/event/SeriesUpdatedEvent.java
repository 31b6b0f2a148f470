package eu.drugsplan.contracts.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Published by indicators-service after every committed change of a series. It carries the whole
 * current series (series are short: tens of periods), so reporting-service recomputes a trend from
 * the event alone. The data version grows with every change, so a consumer can ignore stale events.
 */
public record SeriesUpdatedEvent(
        int version,
        UUID eventId,
        String seriesKey,
        String measure,
        String area,
        Map<String, String> dimensions,
        long dataVersion,
        Instant changedAt,
        List<SeriesPoint> observations) {

    public static final int CURRENT_VERSION = 1;

    /** The event of a record's payload, refused when of another version or without what every consumer needs. */
    public static SeriesUpdatedEvent read(ObjectMapper json, String payload) throws IOException {
        SeriesUpdatedEvent event = json.readValue(payload, SeriesUpdatedEvent.class);
        if (event.version() != CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported series-updated event version " + event.version());
        }
        if (event.seriesKey() == null || event.measure() == null || event.observations() == null) {
            throw new IllegalArgumentException("series-updated event without series key, measure or observations");
        }
        return event;
    }

    /**
     * Of several events of one series only the one of the highest data version, in the order the series first
     * appear: every event carries the whole series, so the newest says all the others do.
     */
    public static <T> List<T> newestPerSeries(List<T> items, Function<T, SeriesUpdatedEvent> eventOf) {
        Map<String, T> newest = new LinkedHashMap<>();
        for (T item : items) {
            SeriesUpdatedEvent event = eventOf.apply(item);
            newest.merge(event.seriesKey(), item,
                    (kept, next) -> eventOf.apply(next).dataVersion() > eventOf.apply(kept).dataVersion() ? next : kept);
        }
        return List.copyOf(newest.values());
    }
}
