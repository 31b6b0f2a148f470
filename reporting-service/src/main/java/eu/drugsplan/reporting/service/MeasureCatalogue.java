package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.catalogue.CatalogueCopy;
import eu.drugsplan.contracts.catalogue.CatalogueEvent;
import eu.drugsplan.reporting.config.TrendsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measure properties from this service's copy of the catalogue ({@link CatalogueCopy}): a catalogue migration
 * reaches the trends when indicators-service publishes it, without a restart and without an HTTP call. Without
 * a copy, a trend is computed but not judged (desired direction NONE) - and says so.
 */
@ApplicationScoped
public class MeasureCatalogue {

    private final CatalogueCopy copy;
    private final TrendsConfig config;

    public MeasureCatalogue(CatalogueCopy copy, TrendsConfig config) {
        this.copy = copy;
        this.config = config;
    }

    /** The indicator of every measure of the catalogue; empty while no catalogue is known. */
    public Map<String, String> indicatorsByMeasure() {
        Map<String, String> indicators = new HashMap<>();
        copy.current().ifPresent(c -> c.measures().forEach(m -> indicators.put(m.code(), m.indicator())));
        return Map.copyOf(indicators);
    }

    /**
     * The headline selection of every measure that has one (a measure not in it has only headline series);
     * empty while no catalogue is known.
     */
    public Map<String, HeadlineSelection> headlinesByMeasure() {
        Map<String, HeadlineSelection> headlines = new HashMap<>();
        copy.current().ifPresent(c -> c.measures().stream().filter(m -> !m.headline().isEmpty())
                .forEach(m -> headlines.put(m.code(), HeadlineSelection.of(m.headline()))));
        return Map.copyOf(headlines);
    }

    public MeasureFacts facts(String measure) {
        Optional<CatalogueEvent> catalogue = copy.current();
        if (catalogue.isEmpty()) {
            return MeasureFacts.unknown(config.defaultStableBandPercent(), MeasureFacts.Source.CATALOGUE_UNAVAILABLE);
        }
        return catalogue.get().measure(measure).map(this::facts).orElseGet(() ->
                MeasureFacts.unknown(config.defaultStableBandPercent(), MeasureFacts.Source.NOT_IN_CATALOGUE));
    }

    private MeasureFacts facts(CatalogueEvent.Measure m) {
        double band = m.stableBandPercent() == null ? config.defaultStableBandPercent()
                : m.stableBandPercent().doubleValue();
        return new MeasureFacts(m.unit(), m.desiredDirection(), band, MeasureFacts.Source.CATALOGUE, m.indicator(),
                EuTotalRule.of(m.euTotalRule()), m.dimensions(), HeadlineSelection.of(m.headline()));
    }
}
