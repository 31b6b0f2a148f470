package eu.drugsplan.reporting.service;

import eu.drugsplan.common.event.SeriesPoint;
import eu.drugsplan.common.event.SeriesUpdatedEvent;
import eu.drugsplan.reporting.config.TrendsConfig;
import eu.drugsplan.reporting.repository.SeriesTrend;
import eu.drugsplan.reporting.trend.MeasureProperties;
import eu.drugsplan.reporting.trend.PeriodValue;
import eu.drugsplan.reporting.trend.TrendCalculator;
import eu.drugsplan.reporting.trend.TrendConfig;
import eu.drugsplan.reporting.trend.TrendResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    /** @return true if the stored trend changed */
    @Transactional
    public boolean update(SeriesUpdatedEvent event) {
        long started = System.nanoTime();
        SeriesTrend trend = SeriesTrend.byKey(event.seriesKey()).orElse(null);
        if (trend != null && trend.dataVersion >= event.dataVersion()) {
            return false;
        }
        MeasureFacts facts = catalogue.facts(event.measure());
        TrendResult result = calculate(values(event.observations()), facts);
        Instant now = Instant.now();
        SeriesIdentity series = new SeriesIdentity(event.seriesKey(), event.measure(), event.area(),
                event.dimensions(), false);
        store.save(trend, TrendView.of(series, facts, event.dataVersion(), event.changedAt(), now, result, null));
        euTotals.apply(event, facts);
        updateCost.record(Duration.ofNanos(System.nanoTime() - started));
        freshness.record(Duration.between(event.changedAt(), now));
        return true;
    }

    TrendResult calculate(List<PeriodValue> values, MeasureFacts facts) {
        return calculator.calculate(values, new MeasureProperties(facts.desiredDirection(), facts.stableBandPercent()));
    }

    /** Missing values (a missing-type status) are simply absent from the series, never filled. */
    static List<PeriodValue> values(List<SeriesPoint> points) {
        return points.stream()
                .filter(p -> p.value() != null)
                .map(p -> new PeriodValue(p.period(), p.value().doubleValue()))
                .toList();
    }
}
