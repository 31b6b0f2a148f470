package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.event.SeriesPoint;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.contracts.trend.MeasureProperties;
import eu.drugsplan.contracts.trend.PeriodValue;
import eu.drugsplan.contracts.trend.TrendCalculator;
import eu.drugsplan.contracts.trend.TrendConfig;
import eu.drugsplan.contracts.trend.TrendResult;
import eu.drugsplan.reporting.config.TrendsConfig;
import eu.drugsplan.reporting.repository.SeriesTrend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recomputes the trend of the one series an event names, and the EU total it is part of; the cost does
 * not depend on how many other series are stored. Events older than the stored data version are
 * ignored, which makes redelivery and replay harmless.
 */
@ApplicationScoped
public class TrendUpdater {

    private final MeasureCatalogue catalogue;
    private final TrendCalculator calculator;
    private final TrendStore store;
    private final EuTotals euTotals;
    private final Timer freshness;
    private final Timer updateCost;

    public TrendUpdater(MeasureCatalogue catalogue, TrendsConfig config, TrendStore store, EuTotals euTotals,
                        MeterRegistry registry) {
        this.catalogue = catalogue;
        this.store = store;
        this.euTotals = euTotals;
        this.calculator = calculator(config);
        this.freshness = Timer.builder("trend.freshness")
                .description("From the stored change to the recomputed trend")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.updateCost = Timer.builder("trend.update")
                .description("Time to apply one series-updated event: its trend and its EU total")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    static TrendCalculator calculator(TrendsConfig config) {
        return new TrendCalculator(new TrendConfig(config.defaultStableBandPercent(),
                config.progressThresholdPercent(), config.significanceLevel(), TrendConfig.DEFAULTS.senConfidence()));
    }

    /**
     * The events of different series, in one transaction: each series' trend, then each EU total they touched
     * once (in a fixed order, so that two consumers locking the same totals cannot deadlock).
     *
     * @return how many stored trends changed
     */
    @Transactional
    public int updateAll(List<SeriesUpdatedEvent> events) {
        Map<String, EuTotals.StaleTotal> staleTotals = new TreeMap<>();
        List<SeriesUpdatedEvent> applied = new ArrayList<>(events.size());
        for (SeriesUpdatedEvent event : events) {
            long started = System.nanoTime();
            Optional<MeasureFacts> changed = updateSeries(event);
            changed.flatMap(facts -> euTotals.replace(event, facts))
                    .ifPresent(total -> staleTotals.put(total.identity(), total));
            if (changed.isPresent()) {
                applied.add(event);
                updateCost.record(Duration.ofNanos(System.nanoTime() - started));
            }
        }
        staleTotals.values().forEach(euTotals::recompute);
        Instant now = Instant.now();
        applied.forEach(event -> freshness.record(Duration.between(event.changedAt(), now)));
        return applied.size();
    }

    /** @return the measure's facts if the event's trend was stored, empty when the event was not newer */
    private Optional<MeasureFacts> updateSeries(SeriesUpdatedEvent event) {
        SeriesTrend trend = SeriesTrend.byKey(event.seriesKey()).orElse(null);
        if (trend != null && trend.dataVersion >= event.dataVersion()) {
            return Optional.empty();
        }
        MeasureFacts facts = catalogue.facts(event.measure());
        TrendResult result = calculate(values(event.observations()), facts);
        SeriesIdentity series = new SeriesIdentity(event.seriesKey(), event.measure(), event.area(),
                event.dimensions(), false);
        store.save(trend, TrendView.of(series, facts, event.dataVersion(), event.changedAt(), Instant.now(), result, null));
        return Optional.of(facts);
    }

    TrendResult calculate(List<PeriodValue> values, MeasureFacts facts) {
        return calculator.calculate(values, new MeasureProperties(facts.desiredDirection(), facts.stableBandPercent()));
    }

    /** The stored points as the trend methods read them, see {@link PeriodValue#ofStored}. */
    static List<PeriodValue> values(List<SeriesPoint> points) {
        return points.stream().flatMap(p -> PeriodValue.ofStored(p.period(), p.value(), p.status()).stream()).toList();
    }
}
