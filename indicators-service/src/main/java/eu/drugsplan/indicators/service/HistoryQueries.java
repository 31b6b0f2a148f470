package eu.drugsplan.indicators.service;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.indicators.repository.ObservationVersion;
import eu.drugsplan.indicators.repository.Series;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.rest.HistoryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The versions of one observation key: area, period and one code per dimension, all required. */
@ApplicationScoped
public class HistoryQueries {

    @Transactional(Transactional.TxType.SUPPORTS)
    public HistoryView of(MeasureView measure, MultivaluedMap<String, String> parameters) {
        List<String> allowed = new ArrayList<>(List.of("area", "period"));
        allowed.addAll(measure.dimensions());
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw invalid("Unknown parameter '" + name + "'; the history of " + measure.code() + " needs "
                        + String.join(", ", allowed));
            }
        }
        String area = required(parameters, "area");
        String period = required(parameters, "period");
        if (Period.parse(period).isEmpty()) {
            throw invalid("period '" + period + "' is not an ISO 8601 period");
        }
        Map<String, String> dimensions = new TreeMap<>();
        measure.dimensions().forEach(d -> dimensions.put(d, required(parameters, d)));
        SeriesKey key = SeriesKey.of(measure.code(), area, dimensions);
        Series series = Series.byKey(key.toString()).orElseThrow(() -> notFound(key, period));
        List<HistoryView.VersionView> versions = ObservationVersion.history(series.id, period).stream()
                .map(v -> new HistoryView.VersionView(v.value, v.status, v.comment, v.deleted, v.reporter,
                        v.submissionId, v.eventId, v.receivedAt, v.recordedAt))
                .toList();
        if (versions.isEmpty()) {
            throw notFound(key, period);
        }
        return new HistoryView(measure.code(), series.seriesKey, area, series.dimensions, period, versions);
    }

    private static String required(MultivaluedMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            throw invalid("'" + name + "' is required: the history is that of one observation key");
        }
        // one code, at most as long as any stored one: a long value would only be looked up in vain
        if (value.trim().length() > TextLimits.CODE) {
            throw invalid("'" + name + "' is longer than " + TextLimits.CODE + " characters, which no code is");
        }
        return value.trim();
    }

    private static ProblemException notFound(SeriesKey key, String period) {
        return new ProblemException(Problems.of(Response.Status.NOT_FOUND, "no-observation",
                "Nothing was ever stored for " + key + " in " + period));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter", detail));
    }
}
