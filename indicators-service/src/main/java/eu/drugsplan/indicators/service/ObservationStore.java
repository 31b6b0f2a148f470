package eu.drugsplan.indicators.service;

import eu.drugsplan.common.event.ObservationAction;
import eu.drugsplan.common.event.ObservationEvent;
import eu.drugsplan.common.event.SeriesPoint;
import eu.drugsplan.common.event.SeriesUpdatedEvent;
import eu.drugsplan.common.outbox.Outbox;
import eu.drugsplan.common.series.SeriesKey;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.repository.Observation;
import eu.drugsplan.indicators.repository.ObservationVersion;
import eu.drugsplan.indicators.repository.ProcessedEvents;
import eu.drugsplan.indicators.repository.Series;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies observation events to the versioned store. Each event is applied once (its id is recorded in the
 * same transaction), every change adds a version, and every committed change announces the series' new
 * state through the outbox.
 */
@ApplicationScoped
public class ObservationStore {

    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final IndicatorsConfig config;

    public ObservationStore(ProcessedEvents processedEvents, Outbox outbox, IndicatorsConfig config) {
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public StoreOutcome apply(ObservationEvent event) {
        if (!processedEvents.firstDelivery(event.eventId())) {
            return StoreOutcome.DUPLICATE;
        }
        SeriesKey key = event.seriesKey();
        Series series = Series.byKey(key.toString()).orElseGet(() -> newSeries(key));
        Optional<Observation> current = Observation.at(series.id, event.period());
        StoreOutcome outcome = event.action() == ObservationAction.DELETE
                ? delete(series, current, event)
                : write(series, current, event);
        if (outcome != StoreOutcome.UNCHANGED && outcome != StoreOutcome.NOTHING_TO_DELETE) {
            announce(series);
        }
        return outcome;
    }

    private StoreOutcome write(Series series, Optional<Observation> current, ObservationEvent event) {
        // MERGE keeps a stored comment the new row does not repeat; REPLACE takes the row as it is
        String comment = event.action() == ObservationAction.MERGE && event.comment() == null
                ? current.map(o -> o.comment).orElse(null) : event.comment();
        if (current.isPresent() && sameContent(current.get(), event, comment)) {
            return StoreOutcome.UNCHANGED;
        }
        Observation observation = current.orElseGet(Observation::new);
        observation.seriesId = series.id;
        observation.period = event.period();
        observation.value = event.value();
        observation.status = event.status();
        observation.comment = comment;
        observation.reporter = event.reporter();
        observation.submissionId = event.submissionId();
        observation.receivedAt = event.receivedAt();
        observation.updatedAt = Instant.now();
        observation.persist();
        recordVersion(series, event, false, comment);
        return current.isPresent() ? StoreOutcome.REVISED : StoreOutcome.INSERTED;
    }

    private StoreOutcome delete(Series series, Optional<Observation> current, ObservationEvent event) {
        if (current.isEmpty()) {
            return StoreOutcome.NOTHING_TO_DELETE;
        }
        current.get().delete();
        recordVersion(series, event, true, event.comment());
        return StoreOutcome.DELETED;
    }

    private static boolean sameContent(Observation stored, ObservationEvent event, String comment) {
        boolean sameValue = stored.value == null ? event.value() == null
                : event.value() != null && stored.value.compareTo(event.value()) == 0;
        return sameValue && stored.status.equals(event.status()) && Objects.equals(stored.comment, comment);
    }

    private void recordVersion(Series series, ObservationEvent event, boolean deleted, String comment) {
        ObservationVersion version = new ObservationVersion();
        version.seriesId = series.id;
        version.period = event.period();
        version.value = deleted ? null : event.value();
        version.status = deleted ? null : event.status();
        version.comment = comment;
        version.deleted = deleted;
        version.reporter = event.reporter();
        version.submissionId = event.submissionId();
        version.eventId = event.eventId();
        version.receivedAt = event.receivedAt();
        version.recordedAt = Instant.now();
        version.persist();
        series.dataVersion++;
        series.updatedAt = version.recordedAt;
    }

    private Series newSeries(SeriesKey key) {
        Series series = new Series();
        series.seriesKey = key.toString();
        series.measure = key.measure();
        series.area = key.area();
        series.dimensions = key.dimensions();
        series.dataVersion = 0;
        series.updatedAt = Instant.now();
        series.persist();
        return series;
    }

    private void announce(Series series) {
        var points = Observation.ofSeries(series.id).stream()
                .map(o -> new SeriesPoint(o.period, o.value, o.status))
                .toList();
        SeriesUpdatedEvent event = new SeriesUpdatedEvent(SeriesUpdatedEvent.CURRENT_VERSION, UUID.randomUUID(),
                series.seriesKey, series.measure, series.area, series.dimensions, series.dataVersion,
                series.updatedAt, points);
        outbox.append(config.seriesUpdatedTopic(), series.seriesKey, event.eventId(), event);
    }
}
