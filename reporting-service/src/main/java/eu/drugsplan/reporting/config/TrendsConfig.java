package eu.drugsplan.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "trends")
public interface TrendsConfig {

    /** Year-on-year changes strictly below this percentage are STABLE, unless the measure sets its own band. */
    @WithDefault("10")
    double defaultStableBandPercent();

    /** CAGR, in percent a year, that separates significant from moderate progress (Eurostat: 1 %). */
    @WithDefault("1")
    double progressThresholdPercent();

    /** Mann-Kendall significance level. */
    @WithDefault("0.05")
    double significanceLevel();

    /** How long measure properties from the catalogue are reused before they are asked for again. */
    @WithDefault("60s")
    Duration catalogueCacheTtl();
}
