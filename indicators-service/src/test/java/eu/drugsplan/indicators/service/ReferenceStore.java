package eu.drugsplan.indicators.service;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The store's documented semantics (indicators-service README, "Time-series store") written as plainly as
 * possible, one row after the other, for the property test to compare the set-wise store with: an append-only
 * history per cell, the current value being the last version unless that is a tombstone.
 */
final class ReferenceStore {

    record Version(String seriesKey, String period, BigDecimal value, String status, String comment, boolean deleted,
                   UUID submissionId, UUID eventId, Instant receivedAt) {
    }

    final List<Version> history = new ArrayList<>();
    final Set<UUID> applied = new HashSet<>();

    List<StoreOutcome> apply(List<ObservationEvent> batch) {
        List<StoreOutcome> outcomes = new ArrayList<>();
        for (ObservationEvent event : batch) {
            boolean replay = !applied.add(event.eventId());
            for (ObservationChange change : event.observations()) {
                outcomes.add(replay ? StoreOutcome.DUPLICATE : row(event, change));
            }
        }
        return outcomes;
    }

    /** The current value of each cell ("seriesKey|period"): the last version, if it is not a tombstone. */
    Map<String, Version> current() {
        Map<String, Version> current = new HashMap<>();
        for (Version version : history) {
            String cell = version.seriesKey() + "|" + version.period();
            if (version.deleted()) {
                current.remove(cell);
            } else {
                current.put(cell, version);
            }
        }
        return current;
    }

    private StoreOutcome row(ObservationEvent event, ObservationChange change) {
        String key = event.seriesKey().toString();
        Version now = current().get(key + "|" + change.period());
        // a value accepted earlier than the stored one, from another submission, would bring an older value back
        if (now != null && !now.submissionId().equals(event.submissionId())
                && event.receivedAt().isBefore(now.receivedAt())) {
            return StoreOutcome.SUPERSEDED;
        }
        if (change.action() == ObservationAction.DELETE) {
            if (now == null) {
                return StoreOutcome.NOTHING_TO_DELETE;
            }
            history.add(new Version(key, change.period(), null, null, change.comment(), true, event.submissionId(),
                    event.eventId(), event.receivedAt()));
            return StoreOutcome.DELETED;
        }
        String comment = change.comment();
        if (change.action() == ObservationAction.MERGE && comment == null && now != null) {
            comment = now.comment();
        }
        if (now != null && numericallyEqual(now.value(), change.value()) && now.status().equals(change.status())
                && Objects.equals(now.comment(), comment)) {
            return StoreOutcome.UNCHANGED;
        }
        history.add(new Version(key, change.period(), change.value(), change.status(), comment, false,
                event.submissionId(), event.eventId(), event.receivedAt()));
        return now == null ? StoreOutcome.INSERTED : StoreOutcome.REVISED;
    }

    private static boolean numericallyEqual(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a == b : a.compareTo(b) == 0;
    }
}
