package eu.drugsplan.submissions.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "submissions")
public interface SubmissionsConfig {

    /** Kafka topic the accepted observations are published to. */
    @WithDefault("observations.v1")
    String observationsTopic();

    /** Kafka topic of the review steps of submissions (common's ReviewEvent), keyed by submission id. */
    @WithDefault("review-events.v1")
    String reviewTopic();

    /**
     * How often releases whose publication time has come are made official (ReleasePublisher): the most an
     * embargoed release waits after its time; a release with no publication time is official at once.
     */
    @WithDefault("1s")
    Duration releasePoll();

    /**
     * How often the time a submission's events were all published is recorded (PublicationTimes), well within
     * the outbox's retention, after which the outbox rows that tell it are gone.
     */
    @WithDefault("5s")
    Duration publicationTimesInterval();

    /** Rows a JSON submission may hold; larger loads go as CSV. */
    @WithDefault("100000")
    int maxJsonRows();

    /** A CSV body with more lines than this is processed asynchronously (202 Accepted). */
    @WithDefault("50000")
    int asyncRowThreshold();

    /** Rows validated and committed together in an asynchronous load. */
    @WithDefault("20000")
    int chunkRows();

    /**
     * Most observations one event carries: a chunk's rows of one series travel as one event, split at this
     * size so that a record stays far below Kafka's message size limit (about 60 bytes an observation).
     */
    @WithDefault("1000")
    int observationsPerEvent();

    /**
     * Most bytes of UTF-8 JSON one event carries: rows of long comments reach the broker's record size long
     * before a thousand rows (Kafka's producer max.request.size and broker message.max.bytes are 1 MiB by
     * default; key, headers and record overhead come on top). Half of that leaves room for both. Keep it above
     * 16 KiB: a single row (up to about 4 KB) is never split.
     */
    @WithDefault("524288")
    int eventMaxBytes();

    /** Conflicts listed in an answer; the counts always cover every row. */
    @WithDefault("1000")
    int maxConflictsShown();

    /** Where request bodies are spooled while they are hashed and counted; the system temp dir by default. */
    Optional<Path> spoolDirectory();

    /** Timeout of the transaction of a synchronous submission or of one chunk. */
    @WithDefault("10m")
    Duration transactionTimeout();

    /**
     * Distinct observations (series key and period) one submission may hold: their fingerprints, 16 bytes each,
     * are kept in memory to refuse a second row for a key (DUPLICATE_KEY). About 64 MB at the default.
     */
    @WithDefault("2000000")
    int maxDistinctKeys();

    Period period();

    /** The trend methods' parameters of draft trends (DraftTrends): reporting-service's, see application.properties. */
    DraftTrend draftTrend();

    Xlsx xlsx();

    /** Bounds on what an xlsx body expands to (it is a zip: 1 MB can hold a gigabyte of sheet). */
    interface Xlsx {

        /** The largest a part of the workbook (a sheet's XML) may expand to: past it the body is a 413. */
        @WithDefault("256M")
        MemorySize maxPartSize();

        /** The largest the shared strings may be: the one part held in memory while the sheets stream. */
        @WithDefault("32M")
        MemorySize maxSharedStringsSize();

        /**
         * The smallest ratio of compressed to expanded bytes of any part (POI's ZipSecureFile check; POI's
         * default 0.01): a smaller one is a zip bomb.
         */
        @WithDefault("0.01")
        double minInflateRatio();

        /** Observations one workbook may hold: it is stored in one transaction, as a JSON body is. */
        @WithDefault("500000")
        int maxObservations();
    }

    interface Period {

        /** The earliest year a period may lie in. */
        @WithDefault("1900")
        int earliestYear();

        /** The latest year a period may lie in, as years after the current one (1: next year). */
        @WithDefault("1")
        int latestYearOffset();
    }

    interface DraftTrend {
        /** Year-on-year changes below this percentage are stable, unless the measure sets its own band. */
        @WithDefault("10")
        double stableBandPercent();

        /** The yearly growth, in percent, separating significant from moderate progress. */
        @WithDefault("1")
        double progressThresholdPercent();

        /** The Mann-Kendall significance level. */
        @WithDefault("0.05")
        double significanceLevel();
    }
}
