package eu.drugsplan.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "indicators")
public interface IndicatorsConfig {

    /** Kafka topic of series-updated events, read by reporting-service. */
    @WithDefault("series-updated.v1")
    String seriesUpdatedTopic();
}
