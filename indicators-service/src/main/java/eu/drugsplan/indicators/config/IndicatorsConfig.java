package eu.drugsplan.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "indicators")
public interface IndicatorsConfig {

    /** Kafka topic of series-updated events, read by reporting-service. */
    @WithDefault("series-updated.v1")
    String seriesUpdatedTopic();

    /**
     * Compacted Kafka topic of the catalogue ({@code CATALOGUE_TOPIC}), published at start; reporting-service keeps
     * its copy from it.
     */
    @WithDefault("catalogue.v1")
    String catalogueTopic();

    Data data();

    Coverage coverage();

    interface Data {
        /** A query matching more observations is refused with 413 ({@code DATA_MAX_OBSERVATIONS}). */
        @WithDefault("2000000")
        long maxObservations();

        /** Rows fetched from PostgreSQL per round trip while streaming ({@code DATA_FETCH_SIZE}). */
        @WithDefault("2000")
        int fetchSize();

        /**
         * Codes one list parameter may name: {@code area}, a dimension, one part of a key ({@code DATA_MAX_CODES});
         * REF_AREA, the longest code list, has 259.
         */
        @WithDefault("300")
        int maxCodes();

        /** The largest {@code lastNObservations} ({@code DATA_MAX_LAST_N}). */
        @WithDefault("10000")
        int maxLastObservations();
    }

    interface Coverage {
        /** Measures reported per waste-water site rather than per country ({@code COVERAGE_SITE_MEASURES}). */
        @WithDefault("PI02.WASTEWATER_LOAD")
        Set<String> siteMeasures();

        /**
         * Periods one coverage answer may have ({@code COVERAGE_MAX_PERIODS}): every area has a cell for each, so
         * a range of ten thousand years made an 80-byte request an 11 MB answer.
         */
        @WithDefault("200")
        int maxPeriods();
    }
}
