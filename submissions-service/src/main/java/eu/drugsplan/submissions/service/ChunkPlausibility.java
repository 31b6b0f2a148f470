package eu.drugsplan.submissions.service;

import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import eu.drugsplan.submissions.repository.StoredSeriesCopy;
import eu.drugsplan.submissions.service.plausibility.PlausibilityChecks;
import eu.drugsplan.submissions.service.plausibility.SubmittedValue;
import eu.drugsplan.submissions.service.plausibility.Warning;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the plausibility checks of one chunk: one read of the stored values of all its series (and of their totals'
 * and parts') from this service's copy of the official series, then the plain rules. The copy is kept from
 * indicators-service's series-updated events, so the intake asks no other service: a value stored a moment ago is
 * what a revision is told against as soon as its event arrived (milliseconds to a second on a running suite).
 */
@ApplicationScoped
public class ChunkPlausibility {

    private final StoredSeriesCopy store;

    public ChunkPlausibility(StoredSeriesCopy store) {
        this.store = store;
    }

    /** The check of a submission's chunks, with the catalogue snapshot it is validated against. */
    public IntakePipeline.WarningCheck forCatalogue(Catalogue catalogue) {
        PlausibilityChecks checks = new PlausibilityChecks(
                code -> catalogue.measure(code).map(Catalogue.Measure::plausibility));
        return values -> check(checks, values);
    }

    private List<Warning> check(PlausibilityChecks checks, List<SubmittedValue> values) {
        Set<String> keys = checks.seriesToRead(values);
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, List<StoredValue>> stored = new HashMap<>();
        for (StoredSeries series : store.current(keys)) {
            stored.put(series.seriesKey(), series.values());
        }
        return checks.check(values, stored);
    }
}
