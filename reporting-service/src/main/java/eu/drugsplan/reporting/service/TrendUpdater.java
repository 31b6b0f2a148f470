package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Recomputes the trend of the one series an event names; the cost does not depend on how many other
 * series are stored. Events older than the stored data version are ignored, which makes redelivery and
 * replay harmless.
 */
@ApplicationScoped
public class TrendUpdater {

    private final MeasureCatalogue catalogue;
    private final TrendCalculator calculator;
    private final ObjectMapper json;
    private final Timer freshness;

    public TrendUpdater(MeasureCatalogue catalogue, TrendsConfig config, ObjectMapper json, MeterRegistry registry) {
        this.catalogue = catalogue;
        this.json = json;
        this.calculator = new TrendCalculator(new TrendConfig(config.defaultStableBandPercent(),
                config.progressThresholdPercent(), config.significanceLevel(), TrendConfig.DEFAULTS.senConfidence()));
        this.freshness = Timer.builder("trend.freshness")
                .description("From the stored change to the recomputed trend")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** @return true if the stored trend changed */
    @Transactional
    public boolean update(SeriesUpdatedEvent event) {
        SeriesTrend trend = SeriesTrend.byKey(event.seriesKey()).orElse(null);
        if (trend != null && trend.dataVersion >= event.dataVersion()) {
            return false;
        }
        MeasureFacts facts = catalogue.facts(event.measure());
        TrendResult result = calculator.calculate(values(event.observations()),
                new MeasureProperties(facts.desiredDirection(), facts.stableBandPercent()));
        Instant now = Instant.now();
        TrendView view = new TrendView(event.seriesKey(), event.measure(), event.area(), event.dimensions(),
                facts.unit(), facts.desiredDirection().name(), facts.source(), event.dataVersion(), event.changedAt(),
                now, result.pointCount(), result.points(), result.latest(), result.yearOnYear(), result.shortTerm(),
                result.longTerm(), result.mannKendall(), result.senSlope(), result.overall());
        if (trend == null) {
            trend = new SeriesTrend();
            trend.seriesKey = event.seriesKey();
        }
        trend.measure = event.measure();
        trend.area = event.area();
        trend.dimensions = event.dimensions();
        trend.dataVersion = event.dataVersion();
        trend.changedAt = event.changedAt();
        trend.computedAt = now;
        trend.trend = serialize(view);
        trend.persist();
        freshness.record(Duration.between(event.changedAt(), now));
        return true;
    }

    /** Missing values (a missing-type status) are simply absent from the series, never filled. */
    private static List<PeriodValue> values(List<SeriesPoint> points) {
        return points.stream()
                .filter(p -> p.value() != null)
                .map(p -> new PeriodValue(p.period(), p.value().doubleValue()))
                .toList();
    }

    private String serialize(TrendView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trend cannot be serialized", e);
        }
    }
}
