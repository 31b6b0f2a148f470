package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.trend.DesiredDirection;
import eu.drugsplan.reporting.config.TrendsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Measure properties from the catalogue, cached for a while so that a catalogue migration reaches the
 * trends without a restart. When the catalogue cannot be asked, the last known properties are used, or
 * none (desired direction NONE: the trend is computed but not judged) - and the trend says so.
 */
@ApplicationScoped
public class MeasureCatalogue {

    private static final Logger LOG = Logger.getLogger(MeasureCatalogue.class);

    private final CatalogueClient client;
    private final TrendsConfig config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final RefreshingValue<MeasureList> list;

    public MeasureCatalogue(@RestClient CatalogueClient client, TrendsConfig config) {
        this.client = client;
        this.config = config;
        this.list = new RefreshingValue<>("the measure list", this::fetchList, config.catalogueCacheTtl(),
                new MeasureList(Map.of(), Map.of()));
    }

    /** The indicator of every measure of the catalogue; empty while the catalogue has never answered. */
    public Map<String, String> indicatorsByMeasure() {
        return list.get().indicators();
    }

    /**
     * The headline selection of every measure that has one (a measure not in it has only headline series);
     * empty while the catalogue has never answered.
     */
    public Map<String, HeadlineSelection> headlinesByMeasure() {
        return list.get().headlines();
    }

    private MeasureList fetchList() {
        Map<String, String> indicators = new HashMap<>();
        Map<String, HeadlineSelection> headlines = new HashMap<>();
        for (CatalogueClient.MeasureInfo m : client.measures()) {
            indicators.put(m.code(), m.indicator());
            HeadlineSelection headline = HeadlineSelection.of(m.headline());
            if (!headline.codes().isEmpty()) {
                headlines.put(m.code(), headline);
            }
        }
        return new MeasureList(Map.copyOf(indicators), Map.copyOf(headlines));
    }

    /** One answer of the measure list, so that indicators and headlines are always of the same catalogue. */
    private record MeasureList(Map<String, String> indicators, Map<String, HeadlineSelection> headlines) {
    }

    public MeasureFacts facts(String measure) {
        Cached cached = cache.get(measure);
        if (cached != null && cached.fetchedAt.plus(config.catalogueCacheTtl()).isAfter(Instant.now())) {
            return cached.facts;
        }
        MeasureFacts facts = fetch(measure, cached);
        cache.put(measure, new Cached(facts, Instant.now()));
        return facts;
    }

    private MeasureFacts fetch(String measure, Cached previous) {
        try (RestResponse<CatalogueClient.MeasureInfo> response = client.measure(measure)) {
            if (response.getStatus() == 200 && response.getEntity() != null) {
                CatalogueClient.MeasureInfo info = response.getEntity();
                return new MeasureFacts(info.unit(), DesiredDirection.valueOf(info.desiredDirection()),
                        info.stableBandPercent() == null ? config.defaultStableBandPercent() : info.stableBandPercent(),
                        MeasureFacts.Source.CATALOGUE, info.indicator(), EuTotalRule.of(info.euTotalRule()),
                        info.dimensions(), HeadlineSelection.of(info.headline()));
            }
            return MeasureFacts.unknown(config.defaultStableBandPercent(), MeasureFacts.Source.NOT_IN_CATALOGUE);
        } catch (jakarta.ws.rs.WebApplicationException e) {
            // the REST client turns the catalogue's 404 into an exception: that is an answer, not an outage
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return MeasureFacts.unknown(config.defaultStableBandPercent(), MeasureFacts.Source.NOT_IN_CATALOGUE);
            }
            return unavailable(measure, previous, e);
        } catch (RuntimeException e) {
            return unavailable(measure, previous, e);
        }
    }

    private MeasureFacts unavailable(String measure, Cached previous, RuntimeException e) {
        LOG.warnf("catalogue unavailable for %s: %s", measure, e.getMessage());
        return previous != null ? previous.facts
                : MeasureFacts.unknown(config.defaultStableBandPercent(), MeasureFacts.Source.CATALOGUE_UNAVAILABLE);
    }

    private record Cached(MeasureFacts facts, Instant fetchedAt) {
    }
}
