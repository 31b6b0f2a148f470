package eu.drugsplan.loader;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Loads the real public datasets into a running suite through its public API, as the reporters that own
 * them, then checks the waste-water round trip.
 *
 * <pre>
 * DatasetLoader [DATASETS_DIR] [--gateway URL] [--tokens FILE | --token-command CMD [--review-token-command CMD]]
 *               [--batch N] [--verify | --no-verify | --dry-run] [--wait SECONDS] [--only-wastewater]
 * </pre>
 * --dry-run maps and reports without submitting anything.
 * --tokens: a properties file REPORTER=token (and reviewer.BODY=token for the reviewers); --token-command: a
 * shell command printing a token, with {reporter} replaced (default: deploy/local/token.sh {reporter} submitter);
 * --review-token-command: one printing a reviewer token of the reviewing body {body}, a subject other than the
 * submitter's (default: TOKEN_SUBJECT=reviewer-{body} deploy/local/token.sh {body} reviewer). Every accepted
 * submission in review is released by each of its reviewing bodies, and the loader waits until it is official
 * (issue 16) before the round trip. --verify only checks.
 * Exit status: 0 done (and verified), 1 the round trip found differences, 2 the load failed.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            Options options = Options.parse(args);
            System.exit(run(options, out));
        } catch (IOException | RuntimeException e) {
            System.err.println("dataset-loader: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(Options options, PrintStream out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Gateway gateway = new Gateway(options.gateway(), json);
        CatalogueCodes codes = CatalogueCodes.load(gateway,
                List.of("SUBSTANCE", "STAT", "SEX", "AGE", "RECALL_PERIOD", "MEDICATION", "OFFENCE_TYPE"));
        Datasets datasets = new Datasets(options.directory(), codes);
        Extract extract = options.wastewaterOnly() ? datasets.wastewater() : datasets.all();
        if (!options.verifyOnly()) {
            reportOutsideEu(extract, codes, out);
            load(extract, options, gateway, out);
        }
        if (!options.verify()) {
            return 0;
        }
        return verify(extract.observations, gateway, options.waitSeconds(), out);
    }

    private static void load(Extract extract, Options options, Gateway gateway, PrintStream out) throws IOException {
        out.println("Prepared " + extract.observations.size() + " observations from " + options.directory() + ":");
        extract.observations.stream().collect(Collectors.groupingBy(Observation::source, TreeMap::new, Collectors.counting()))
                .forEach((source, count) -> out.println("  " + source + ": " + count));
        extract.uploads.forEach(u -> out.println("Posted unchanged through the spreadsheet intake" + u.query() + ": "
                + u.source()));
        reportSkipped(extract, out);
        extract.observations.stream().filter(o -> o.status().equals("B")).forEach(o ->
                out.println("Break in series (OBS_STATUS B): " + o.source() + " " + o.key()));
        if (options.dryRun()) {
            return;
        }
        Submitter submitter = new Submitter(gateway, Tokens.reporters(options), options.batchSize());
        Instant start = Instant.now();
        submitter.submit(extract.observations, extract.uploads);
        out.println("Import summaries: " + submitter.totals + " in " + Duration.between(start, Instant.now()).toMillis()
                + " ms");
        if (!submitter.othersRows.isEmpty()) {
            out.println("Spreadsheet rows each posting country left to the area they belong to (the intake refused "
                    + "them as another area's; by file, over all the countries that posted it):");
            submitter.othersRows.forEach((file, count) -> out.println("  " + file + ": " + count));
        }
        if (!submitter.conflicts.isEmpty()) {
            out.println("Rejected by the API (" + submitter.conflicts.size() + "):");
            submitter.conflicts.forEach(c -> out.println("  " + c));
        }
        if (!submitter.inReview.isEmpty()) {
            Instant released = Instant.now();
            submitter.release(Tokens.reviewers(options), Duration.ofSeconds(Math.max(60, options.waitSeconds())));
            out.println("Released " + submitter.inReview.size() + " submissions in review (releases by body: "
                    + submitter.releases + "), all official " + Duration.between(released, Instant.now()).toMillis()
                    + " ms later");
        }
    }

    /**
     * Observations for areas outside the EU that the catalogue still covers (Reitox partners, the non-EU
     * waste-water sites EUDA monitors) are loaded, and said so.
     */
    private static void reportOutsideEu(Extract extract, CatalogueCodes codes, PrintStream out) {
        Map<String, Long> outside = extract.observations.stream().filter(o -> !codes.inEu(o.area()))
                .collect(Collectors.groupingBy(o -> codes.countryOf(o.area()), TreeMap::new, Collectors.counting()));
        if (!outside.isEmpty()) {
            out.println("Outside the EU but in the catalogue, loaded (observations by country): " + outside);
        }
    }

    /** Rows outside the catalogue's scope are listed, grouped by reason, never dropped silently. */
    private static void reportSkipped(Extract extract, PrintStream out) {
        if (extract.skipped.isEmpty()) {
            return;
        }
        out.println("Not loaded (" + extract.skipped.size() + " source rows):");
        extract.skipped.stream().collect(Collectors.groupingBy(s -> s.source() + ": " + s.reason(), TreeMap::new,
                        Collectors.mapping(Skipped::row, Collectors.toList())))
                .forEach((reason, rows) -> out.println("  " + reason + " - " + rows.size() + " row(s), e.g. " + rows.get(0)));
    }

    /**
     * Every file's round trip: the waste-water series site by site (nothing stored that is not in the file), every
     * other file's observations by measure (value and status as in the file).
     */
    private static int verify(List<Observation> expected, Gateway gateway, int waitSeconds, PrintStream out)
            throws IOException {
        Map<Boolean, List<Observation>> wastewater = expected.stream()
                .collect(Collectors.partitioningBy(o -> o.measure().equals("PI02.WASTEWATER_LOAD")));
        WastewaterCheck check = new WastewaterCheck(gateway);
        RoundTrip roundTrip = new RoundTrip(gateway);
        Instant start = Instant.now();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(waitSeconds));
        List<String> differences = differences(check, roundTrip, wastewater);
        // the store applies submissions asynchronously (outbox, Kafka): wait for it to catch up
        while (!differences.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(5000);
            differences = differences(check, roundTrip, wastewater);
        }
        if (differences.isEmpty()) {
            out.println("Round trip OK (" + Duration.between(start, Instant.now()).toSeconds() + " s after the load): "
                    + expected.size() + " values read back exactly as in the files:");
            RoundTrip.bySource(expected).forEach((file, count) -> out.println("  " + file + ": " + count));
            return 0;
        }
        out.println("Round trip FAILED: " + differences.size() + " differences, e.g.:");
        differences.stream().limit(20).forEach(d -> out.println("  " + d));
        return 1;
    }

    private static List<String> differences(WastewaterCheck check, RoundTrip roundTrip,
                                            Map<Boolean, List<Observation>> wastewater) throws IOException {
        List<String> differences = new java.util.ArrayList<>();
        if (!wastewater.get(true).isEmpty()) {
            differences.addAll(check.differences(wastewater.get(true)));
        }
        differences.addAll(roundTrip.differences(wastewater.get(false)));
        return differences;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The command line. */
    record Options(Path directory, String gateway, Path tokensFile, String tokenCommand, String reviewTokenCommand,
                   int batchSize, boolean verifyOnly, boolean verify, int waitSeconds, boolean wastewaterOnly,
                   boolean dryRun) {

        static Options parse(String[] args) {
            Path directory = Path.of(env("DATASETS_DIR", "../shared/datasets"));
            String gateway = env("GATEWAY_URL", "http://127.0.0.1:8080");
            Path tokensFile = null;
            String tokenCommand = env("TOKEN_COMMAND", "deploy/local/token.sh {reporter} submitter");
            String reviewTokenCommand = env("REVIEW_TOKEN_COMMAND",
                    "TOKEN_SUBJECT=reviewer-{body} deploy/local/token.sh {body} reviewer");
            int batch = 1000;
            boolean verifyOnly = false;
            boolean verify = true;
            int wait = 180;
            boolean wastewaterOnly = false;
            boolean dryRun = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--gateway" -> gateway = args[++i];
                    case "--tokens" -> tokensFile = Path.of(args[++i]);
                    case "--token-command" -> tokenCommand = args[++i];
                    case "--review-token-command" -> reviewTokenCommand = args[++i];
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "--verify" -> verifyOnly = true;
                    case "--no-verify" -> verify = false;
                    case "--wait" -> wait = Integer.parseInt(args[++i]);
                    case "--only-wastewater" -> wastewaterOnly = true;
                    case "--dry-run" -> dryRun = true;
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        directory = Path.of(args[i]);
                    }
                }
            }
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("no datasets directory " + directory.toAbsolutePath());
            }
            return new Options(directory, gateway, tokensFile, tokenCommand, reviewTokenCommand, batch, verifyOnly,
                    (verify || verifyOnly) && !dryRun, wait, wastewaterOnly, dryRun);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
