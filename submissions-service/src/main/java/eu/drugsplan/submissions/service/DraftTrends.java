package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.contracts.trend.DesiredDirection;
import eu.drugsplan.contracts.trend.MeasureProperties;
import eu.drugsplan.contracts.trend.PeriodValue;
import eu.drugsplan.contracts.trend.TrendCalculator;
import eu.drugsplan.contracts.trend.TrendConfig;
import eu.drugsplan.contracts.trend.TrendResult;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.repository.HeldEvents;
import eu.drugsplan.submissions.repository.HeldEvents.Held;
import eu.drugsplan.submissions.repository.PendingRows;
import eu.drugsplan.submissions.repository.PendingRows.PendingEvent;
import eu.drugsplan.submissions.repository.PendingRows.SeriesFilter;
import eu.drugsplan.submissions.repository.StoredSeriesCopy;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.service.SubmissionQueries.Viewer;
import eu.drugsplan.submissions.service.review.DraftSeries;
import eu.drugsplan.submissions.service.review.ReviewState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The draft view of a submission (issue 16): for each series its rows touch, the trend of the official values
 * beside the trend the series would have once the submission is released, computed with reporting-service's
 * trend methods and parameters, so that a reviewer sees what a release would change before it is public.
 */
@ApplicationScoped
public class DraftTrends {

    public record SeriesDraft(
            String seriesKey, String measure, String area, Map<String, String> dimensions, String desiredDirection,
            @Schema(description = "The periods whose value or status a release of the submission would change")
            List<String> changedPeriods,
            @Schema(description = "The trend of the values official now; null when none is")
            TrendResult official,
            @Schema(description = "The trend once the submission is released; null when no value would be left")
            TrendResult draft,
            @Schema(description = "Why a trend could not be computed (e.g. periods of two frequencies); null otherwise")
            String problem,
            @Schema(description = "The submissions not yet official whose rows the draft applies, oldest first")
            Set<UUID> submissions) {
    }

    public record DraftView(UUID submission, ReviewState reviewState, int page, int size, List<SeriesDraft> series) {
    }

    @Schema(description = "The series of a measure with rows not yet official (in review, or released for a later "
            + "publication), each with its official trend beside the trend once every pending row is released")
    public record MeasureDrafts(String measure, String area, Map<String, String> dimensions, String reporter,
                                int page, int size, List<SeriesDraft> series) {
    }

    private final HeldEvents held;
    private final PendingRows pending;
    private final StoredSeriesCopy store;
    private final CatalogueCache catalogue;
    private final ObjectMapper json;
    private final TrendCalculator calculator;

    public DraftTrends(HeldEvents held, PendingRows pending, StoredSeriesCopy store,
                       CatalogueCache catalogue, ObjectMapper json, SubmissionsConfig config) {
        this.held = held;
        this.pending = pending;
        this.store = store;
        this.catalogue = catalogue;
        this.json = json;
        SubmissionsConfig.DraftTrend trend = config.draftTrend();
        this.calculator = new TrendCalculator(new TrendConfig(trend.stableBandPercent(),
                trend.progressThresholdPercent(), trend.significanceLevel(), TrendConfig.DEFAULTS.senConfidence()));
    }

    /** One page of the submission's series (in the order of their first row), empty when the viewer may not see it. */
    @Transactional
    public Optional<DraftView> of(UUID id, Viewer viewer, int page, int size) {
        Optional<Submission> submission = Submission.<Submission>findByIdOptional(id).filter(viewer::maySee);
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        List<String> keys = held.seriesPage(id, page * size, size);
        Map<String, List<ObservationEvent>> events = new LinkedHashMap<>();
        keys.forEach(key -> events.put(key, new ArrayList<>()));
        for (Held event : held.ofSeries(id, keys)) {
            events.get(event.seriesKey()).add(event.event(json));
        }
        Map<String, StoredSeries> official = official(keys);
        List<SeriesDraft> series = new ArrayList<>();
        events.forEach((key, ofSeries) -> series.add(trends(key, ofSeries, official.get(key), Set.of(id))));
        return Optional.of(new DraftView(id, submission.get().reviewState, page, size, series));
    }

    /**
     * One page of a measure's series with pending rows the viewer may see (a reporter its own, a reviewer every
     * reporter's), each pending submission applied in the order it was received.
     */
    @Transactional
    public MeasureDrafts ofMeasure(String measure, String area, Map<String, String> dimensions, Viewer viewer,
                                   int page, int size) {
        SeriesFilter filter = new SeriesFilter(measure, area, new TreeMap<>(dimensions),
                viewer.reviewer() ? null : viewer.reporter());
        List<String> keys = pending.seriesPage(filter, page * size, size);
        Map<String, List<ObservationEvent>> events = new LinkedHashMap<>();
        Map<String, Set<UUID>> submissions = new LinkedHashMap<>();
        keys.forEach(key -> events.put(key, new ArrayList<>()));
        for (PendingEvent event : pending.ofSeries(filter, keys)) {
            events.get(event.held().seriesKey()).add(event.held().event(json));
            submissions.computeIfAbsent(event.held().seriesKey(), k -> new LinkedHashSet<>()).add(event.submission());
        }
        Map<String, StoredSeries> official = official(keys);
        List<SeriesDraft> series = new ArrayList<>();
        events.forEach((key, ofSeries) -> series.add(trends(key, ofSeries, official.get(key), submissions.get(key))));
        return new MeasureDrafts(measure, area, filter.dimensions(), filter.reporter(), page, size, series);
    }

    private SeriesDraft trends(String key, List<ObservationEvent> events, StoredSeries stored, Set<UUID> submissions) {
        ObservationEvent first = events.get(0);
        List<ObservationChange> changes = events.stream().flatMap(e -> e.observations().stream()).toList();
        DraftSeries draft = DraftSeries.of(stored == null ? List.of() : stored.values(), changes);
        MeasureProperties measure = catalogue.current().measure(first.measure()).map(Catalogue.Measure::trend)
                .orElse(MeasureProperties.of(DesiredDirection.NONE));
        try {
            return new SeriesDraft(key, first.measure(), first.area(), first.dimensions(),
                    measure.desiredDirection().name(), draft.changedPeriods(),
                    trend(draft.officialValues(), measure), trend(draft.draftValues(), measure), null, submissions);
        } catch (IllegalArgumentException e) {
            return new SeriesDraft(key, first.measure(), first.area(), first.dimensions(),
                    measure.desiredDirection().name(), draft.changedPeriods(), null, null, e.getMessage(), submissions);
        }
    }

    private TrendResult trend(List<PeriodValue> values, MeasureProperties measure) {
        return values.isEmpty() ? null : calculator.calculate(values, measure);
    }

    /** The official values of the series, as this service's copy holds them. */
    private Map<String, StoredSeries> official(List<String> keys) {
        Map<String, StoredSeries> bySeries = new LinkedHashMap<>();
        store.current(keys).forEach(s -> bySeries.put(s.seriesKey(), s));
        return bySeries;
    }
}
