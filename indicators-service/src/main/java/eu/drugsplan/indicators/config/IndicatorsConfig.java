package eu.drugsplan.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "indicators")
public interface IndicatorsConfig {

    /** Kafka topic of series-updated events, read by reporting-service. */
    @WithDefault("series-updated.v1")
    String seriesUpdatedTopic();

    Data data();

    Coverage coverage();

    interface Data {
        /** A query matching more observations is refused with 413 ({@code DATA_MAX_OBSERVATIONS}). */
        @WithDefault("2000000")
        long maxObservations();

        /** Rows fetched from PostgreSQL per round trip while streaming ({@code DATA_FETCH_SIZE}). */
        @WithDefault("2000")
        int fetchSize();
    }

    interface Coverage {
        /** Measures reported per waste-water site rather than per country ({@code COVERAGE_SITE_MEASURES}). */
        @WithDefault("PI02.WASTEWATER_LOAD")
        Set<String> siteMeasures();
    }
}
