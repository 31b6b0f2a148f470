package eu.drugsplan.submissions.service;

import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import eu.drugsplan.submissions.client.StoredSeriesClient;
import eu.drugsplan.submissions.service.plausibility.PlausibilityChecks;
import eu.drugsplan.submissions.service.plausibility.SubmittedValue;
import eu.drugsplan.submissions.service.plausibility.Warning;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Runs the plausibility checks of one chunk: one read of the stored values of all its series (and of their totals'
 * and parts') from indicators-service, then the plain rules. The history is read fresh, not cached: a value
 * stored a minute ago is what a revision is told against. When the store does not answer, the rows are still
 * taken (warnings never hold a row back) and checked against each other only, which the summary notes.
 */
@ApplicationScoped
public class ChunkPlausibility {

    static final String NO_HISTORY = "Plausibility checks ran without the stored history (indicators-service did not"
            + " answer): revisions and changes against stored periods were not checked.";
    /** At most this many series keys a call (indicators-service's StoredSeriesResource.MAX_KEYS). */
    static final int KEYS_PER_CALL = 50_000;

    private static final Logger LOG = Logger.getLogger(ChunkPlausibility.class);

    private final StoredSeriesClient store;

    public ChunkPlausibility(@RestClient StoredSeriesClient store) {
        this.store = store;
    }

    /** The check of a submission's chunks, with the catalogue snapshot it is validated against. */
    public IntakePipeline.WarningCheck forCatalogue(Catalogue catalogue) {
        PlausibilityChecks checks = new PlausibilityChecks(
                code -> catalogue.measure(code).map(Catalogue.Measure::plausibility));
        return values -> check(checks, values);
    }

    private IntakePipeline.Checked check(PlausibilityChecks checks, List<SubmittedValue> values) {
        List<String> keys = new ArrayList<>(checks.seriesToRead(values));
        if (keys.isEmpty()) {
            return new IntakePipeline.Checked(List.of(), null);
        }
        Map<String, List<StoredValue>> stored = new HashMap<>();
        String note = null;
        try {
            for (int from = 0; from < keys.size(); from += KEYS_PER_CALL) {
                List<String> part = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_CALL));
                for (StoredSeries series : store.current(new StoredSeriesClient.Request(List.copyOf(part)))) {
                    stored.put(series.seriesKey(), series.values());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("stored history unavailable for the plausibility checks: %s", e.getMessage());
            stored.clear();
            note = NO_HISTORY;
        }
        List<Warning> warnings = checks.check(values, stored);
        return new IntakePipeline.Checked(warnings, note);
    }
}
