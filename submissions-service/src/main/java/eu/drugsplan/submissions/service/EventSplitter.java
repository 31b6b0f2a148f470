package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.submissions.service.IntakePipeline.PendingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Forms the serialized observation events of one series' accepted rows, in row order: at most
 * {@code rowsPerEvent} rows and {@code maxBytes} bytes of UTF-8 payload each. A row count alone does not bound a
 * record: a thousand rows with comments of a thousand three-byte characters are 3 MB, past the broker's record
 * size (Kafka's max.request.size and message.max.bytes, 1 MiB by default), and such a record would never be
 * published. A single row is never split; with the text limits of {@code TextLimits} it stays under 4 KB.
 */
public final class EventSplitter {

    private final ObjectWriter writer;
    private final UUID submissionId;
    private final String reporter;
    private final Instant receivedAt;
    private final int rowsPerEvent;
    private final int maxBytes;

    public EventSplitter(ObjectWriter writer, UUID submissionId, String reporter, Instant receivedAt, int rowsPerEvent,
                         int maxBytes) {
        this.writer = writer;
        this.submissionId = submissionId;
        this.reporter = reporter;
        this.receivedAt = receivedAt;
        this.rowsPerEvent = rowsPerEvent;
        this.maxBytes = maxBytes;
    }

    public List<PendingEvent> events(SeriesKey series, List<ObservationChange> changes) {
        List<PendingEvent> events = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += rowsPerEvent) {
            addWithinBytes(series, changes.subList(from, Math.min(changes.size(), from + rowsPerEvent)), events);
        }
        return events;
    }

    /**
     * Serializes the rows as one event and, if it is too large, into as many equal parts as its size asks for,
     * each checked again (rows differ in size): the common small event is serialized once.
     */
    private void addWithinBytes(SeriesKey series, List<ObservationChange> rows, List<PendingEvent> events) {
        PendingEvent event = event(series, rows);
        String payload = event.payload();
        // a char is at most three UTF-8 bytes, so a short payload needs no counting
        long bytes = payload.length() * 3L <= maxBytes ? payload.length() : utf8Length(payload);
        if (bytes <= maxBytes || rows.size() == 1) {
            events.add(event);
            return;
        }
        int parts = (int) Math.min(rows.size(), bytes / maxBytes + 1);
        int size = (rows.size() + parts - 1) / parts;
        for (int from = 0; from < rows.size(); from += size) {
            addWithinBytes(series, rows.subList(from, Math.min(rows.size(), from + size)), events);
        }
    }

    private PendingEvent event(SeriesKey series, List<ObservationChange> changes) {
        ObservationEvent event = new ObservationEvent(ObservationEvent.CURRENT_VERSION, UUID.randomUUID(),
                submissionId, reporter, series.measure(), series.area(), new TreeMap<>(series.dimensions()),
                receivedAt, changes);
        return new PendingEvent(event.eventId(), series.toString(), serialize(event));
    }

    private String serialize(ObservationEvent event) {
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("observation event cannot be serialized", e);
        }
    }

    /** The UTF-8 size of the text, without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
