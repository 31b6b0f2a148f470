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

    /**
     * max-age of trend and scoreboard answers. 0 (the default) lets clients store answers but revalidate
     * each time: with the ETag that costs one index lookup and no body while nothing changed.
     */
    @WithDefault("0s")
    Duration httpMaxAge();

    /** Trend changes a stream subscriber may fall behind by before its stream is ended. */
    @WithDefault("1024")
    int streamBuffer();

    /** Interval of the comment lines that keep an idle stream open through proxies. */
    @WithDefault("15s")
    Duration streamHeartbeat();

    /**
     * Codes one list parameter of a trend query or stream may name ({@code TRENDS_MAX_CODES}; 400 past it):
     * REF_AREA, the longest code list, has 259.
     */
    @WithDefault("300")
    int maxCodes();

    /**
     * Series one page of a trend list may hold ({@code TRENDS_MAX_PAGE_SIZE}), also the size of a page when none is
     * asked for; a larger {@code size} is a 400 problem.
     */
    @WithDefault("500")
    int maxPageSize();

    /**
     * Series one page of a summary may hold ({@code SUMMARIES_MAX_PAGE_SIZE}), also its default size: a summary row
     * is a few hundred bytes, so every headline waste-water series (1,092) fits in one page.
     */
    @WithDefault("2000")
    int summaryMaxPageSize();
}
