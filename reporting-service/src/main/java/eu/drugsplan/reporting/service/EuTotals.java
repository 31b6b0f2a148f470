package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.event.SeriesPoint;
import eu.drugsplan.contracts.event.SeriesUpdatedEvent;
import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.contracts.trend.MeasureProperties;
import eu.drugsplan.contracts.trend.PeriodValue;
import eu.drugsplan.contracts.trend.TrendCalculator;
import eu.drugsplan.contracts.trend.TrendResult;
import eu.drugsplan.reporting.config.TrendsConfig;
import eu.drugsplan.reporting.repository.CountryValue;
import eu.drugsplan.reporting.repository.PeriodTotal;
import eu.drugsplan.reporting.repository.SeriesTrend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the EU27_2020 total of every (measure, dimensions) combination whose EU rule is SUM: the sum over
 * the Member States that reported each period, with their number beside each value. An event changes the
 * current values of one country; only then is the one touched total re-summed (from its own few rows:
 * at most 27 per period) and its trend recomputed.
 *
 * <p>A computed total is kept apart from an EU27_2020 series an agency reports: its series key ends with
 * {@value #COMPUTED_SUFFIX} and its trend says {@code "computed": true}.
 */
@ApplicationScoped
public class EuTotals {

    public static final String COMPUTED_SUFFIX = "#SUM";

    private final AreaCatalogue areas;
    private final TrendStore store;
    private final TrendCalculator calculator;

    public EuTotals(AreaCatalogue areas, TrendStore store, TrendsConfig config) {
        this.areas = areas;
        this.store = store;
        this.calculator = TrendUpdater.calculator(config);
    }

    /**
     * Replaces the event's country values; the total they belong to is to be recomputed when this says so,
     * in the same transaction - once for a whole batch of events that touch it. Values are kept unless the
     * catalogue positively says the measure does not add up: while it cannot be asked they are kept anyway,
     * so that the total is right once it answers again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StaleTotal> replace(SeriesUpdatedEvent event, MeasureFacts facts) {
        if (facts.euTotalRule() == EuTotalRule.NONE || AreaCatalogue.EU.equals(event.area())) {
            return Optional.empty();
        }
        String dimensionsKey = dimensionsKey(event.dimensions());
        boolean changed = replaceValues(event, dimensionsKey);
        if (changed && facts.euTotalRule() == EuTotalRule.SUM && areas.memberStates().contains(event.area())) {
            return Optional.of(new StaleTotal(event, facts, dimensionsKey));
        }
        return Optional.empty();
    }

    /** Re-sums a total and recomputes its trend. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(StaleTotal total) {
        recompute(total.event(), total.facts(), total.dimensionsKey(), areas.memberStates());
    }

    /** A total whose country values changed; the event is the latest that changed it. */
    public record StaleTotal(SeriesUpdatedEvent event, MeasureFacts facts, String dimensionsKey) {

        /** One total per measure and dimensions; also the order in which a batch locks them, against deadlocks. */
        public String identity() {
            return event.measure() + "|" + dimensionsKey;
        }
    }

    /** The dimensions as in a series key: sorted {@code DIM=CODE} pairs, comma-separated. */
    static String dimensionsKey(Map<String, String> dimensions) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(dimensions == null ? Map.of() : dimensions)
                .forEach((dimension, code) -> key.append(key.isEmpty() ? "" : ",").append(dimension).append('=').append(code));
        return key.toString();
    }

    /** @return true when any period's value of this country changed */
    private boolean replaceValues(SeriesUpdatedEvent event, String dimensionsKey) {
        Map<String, BigDecimal> incoming = currentValues(event.observations());
        boolean changed = false;
        for (CountryValue stored : CountryValue.of(event.measure(), dimensionsKey, event.area())) {
            BigDecimal value = incoming.remove(stored.period);
            if (value == null) {
                stored.delete();
                changed = true;
            } else if (value.compareTo(stored.value) != 0) {
                stored.value = value;
                changed = true;
            }
        }
        incoming.forEach((period, value) -> {
            CountryValue row = new CountryValue();
            row.measure = event.measure();
            row.dimensionsKey = dimensionsKey;
            row.area = event.area();
            row.period = period;
            row.value = value;
            row.persist();
        });
        return changed || !incoming.isEmpty();
    }

    /** Periods in canonical form, so that one period from two countries is summed as one. */
    private static Map<String, BigDecimal> currentValues(List<SeriesPoint> points) {
        Map<String, BigDecimal> values = new HashMap<>();
        points.stream().filter(p -> p.value() != null)
                .forEach(p -> values.put(Period.of(p.period()).toString(), p.value()));
        return values;
    }

    private void recompute(SeriesUpdatedEvent event, MeasureFacts facts, String dimensionsKey, Set<String> members) {
        List<PeriodTotal> totals = CountryValue.totals(event.measure(), dimensionsKey, members);
        TrendResult result = calculator.calculate(
                totals.stream().map(t -> new PeriodValue(t.period(), t.sum().doubleValue())).toList(),
                new MeasureProperties(facts.desiredDirection(), facts.stableBandPercent()));
        String key = SeriesKey.of(event.measure(), AreaCatalogue.EU, event.dimensions()) + COMPUTED_SUFFIX;
        SeriesTrend row = SeriesTrend.lockComputed(key, event.measure(), AreaCatalogue.EU);
        long version = row.dataVersion + 1;
        SeriesIdentity series = new SeriesIdentity(key, event.measure(), AreaCatalogue.EU, event.dimensions(), true);
        store.save(row, TrendView.of(series, facts, version, event.changedAt(), Instant.now(), result,
                coverage(totals, members.size())));
    }

    private static List<CoveragePoint> coverage(List<PeriodTotal> totals, int memberStates) {
        return totals.stream()
                .sorted(Comparator.comparingDouble(t -> Period.of(t.period()).decimalYear()))
                .map(t -> new CoveragePoint(t.period(), t.sum().doubleValue(), t.reporters(), memberStates,
                        t.reporters() >= memberStates))
                .toList();
    }
}
