package eu.drugsplan.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "submissions")
public interface SubmissionsConfig {

    /** Kafka topic the accepted observations are published to. */
    @WithDefault("observations.v1")
    String observationsTopic();

    /** Rows a JSON submission may hold; larger loads go as CSV. */
    @WithDefault("100000")
    int maxJsonRows();
}
