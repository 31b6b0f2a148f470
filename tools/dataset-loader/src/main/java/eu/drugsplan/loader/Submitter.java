package eu.drugsplan.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Submits observations as the reporters that own them, in batches, and adds up the import summaries. A row
 * the API rejects is reported with its conflict. An accepted submission is official only once every reviewing
 * body of its measures released it (issue 16): {@link #release} releases those in review, each body with a
 * reviewer token of its own (not the submitter's subject: four eyes), and waits until they are official.
 */
final class Submitter {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Gateway gateway;
    private final Function<String, String> tokens;
    private final int batchSize;
    final Map<String, Long> totals = new TreeMap<>();
    final List<String> conflicts = new ArrayList<>();
    /** Accepted submissions in review: id to its review ({@code state}, {@code reviewingBodies}, {@code releasedBy}). */
    final Map<String, JsonNode> inReview = new LinkedHashMap<>();
    /** Rows of a spreadsheet refused because they are another area's, by file (see {@link #withoutOthersRows}). */
    final Map<String, Long> othersRows = new TreeMap<>();
    /** Releases made, by reviewing body. */
    final Map<String, Long> releases = new TreeMap<>();

    Submitter(Gateway gateway, Function<String, String> tokens, int batchSize) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.batchSize = batchSize;
    }

    /**
     * Posts the observations as JSON, then each spreadsheet unchanged once per reporter with rows of it, in the
     * order of the files (a later bulletin revises an earlier one; the spreadsheets are the last sources).
     */
    void submit(List<Observation> observations, List<Upload> uploads) throws IOException {
        Set<String> posted = uploads.stream().map(Upload::source).collect(Collectors.toSet());
        submit(observations.stream().filter(o -> !posted.contains(o.source())).toList());
        for (Upload upload : uploads) {
            Set<String> reporters = observations.stream().filter(o -> o.source().equals(upload.source()))
                    .map(Observation::reporter).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            for (String reporter : reporters) {
                JsonNode summary = gateway.submitFile(tokens.apply(reporter), upload.path(), XLSX, upload.query());
                record(reporter + " " + upload.source(), List.of(), withoutOthersRows(upload, summary));
            }
        }
    }

    /**
     * A country posting a table refuses the rows of every other area ({@code area} conflicts: another country's
     * rows, or an area outside the catalogue the loader lists as not loaded): counted by file, not listed; the
     * summary's counts and other conflicts are kept.
     */
    private JsonNode withoutOthersRows(Upload upload, JsonNode summary) {
        ObjectNode kept = summary.deepCopy();
        ArrayNode conflicts = kept.putArray("conflicts");
        long others = 0;
        for (JsonNode conflict : summary.path("conflicts")) {
            if (conflict.path("field").asText().equals("area")) {
                others++;
            } else {
                conflicts.add(conflict);
            }
        }
        // conflicts are listed up to a limit; the rejected count holds all of them
        long rejected = summary.path("rejected").asLong();
        long notOwn = rejected - (summary.path("conflicts").size() - others);
        othersRows.merge(upload.source(), notOwn, Long::sum);
        kept.put("rejected", rejected - notOwn);
        kept.put("received", summary.path("received").asLong() - notOwn);
        return kept;
    }

    private void submit(List<Observation> observations) throws IOException {
        Map<String, List<Observation>> byReporter = new LinkedHashMap<>();
        observations.forEach(o -> byReporter.computeIfAbsent(o.reporter(), r -> new ArrayList<>()).add(o));
        for (Map.Entry<String, List<Observation>> entry : byReporter.entrySet()) {
            String token = tokens.apply(entry.getKey());
            List<Observation> rows = entry.getValue();
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Observation> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                record(entry.getKey(), batch, gateway.submit(token, body(batch)));
            }
        }
    }

    private static Map<String, Object> body(List<Observation> batch) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (Observation o : batch) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("measure", o.measure());
            row.put("area", o.area());
            row.put("period", o.period());
            row.put("dimensions", o.dimensions());
            row.put("value", o.value());
            row.put("status", o.status());
            if (o.comment() != null) {
                row.put("comment", o.comment());
            }
            row.put("action", "MERGE");
            rows.add(row);
        }
        return Map.of("observations", rows);
    }

    private void record(String reporter, List<Observation> batch, JsonNode summary) {
        for (String counter : List.of("received", "accepted", "rejected", "unchanged", "revised", "deleted")) {
            if (summary.has(counter)) {
                totals.merge(counter, summary.path(counter).asLong(), Long::sum);
            }
        }
        for (JsonNode conflict : summary.path("conflicts")) {
            conflicts.add(reporter + " " + describe(batch, conflict));
        }
        // null when nothing was accepted; OFFICIAL at once when the body publishes its own data (waste water)
        JsonNode review = summary.path("review");
        if (review.path("state").asText().equals("IN_REVIEW")) {
            inReview.put(summary.path("id").asText(), review);
        }
    }

    /**
     * Releases every submission in review by each of its reviewing bodies that has not yet, then waits until all
     * are official (their rows on the way to the store).
     *
     * @param reviewers a reviewer token per body
     */
    void release(Function<String, String> reviewers, Duration wait) throws IOException {
        for (Map.Entry<String, JsonNode> submission : inReview.entrySet()) {
            List<String> released = new ArrayList<>();
            submission.getValue().path("releasedBy").forEach(b -> released.add(b.asText()));
            for (JsonNode body : submission.getValue().path("reviewingBodies")) {
                if (!released.contains(body.asText())) {
                    gateway.release(reviewers.apply(body.asText()), submission.getKey());
                    releases.merge(body.asText(), 1L, Long::sum);
                }
            }
        }
        Instant deadline = Instant.now().plus(wait);
        for (Map.Entry<String, JsonNode> submission : inReview.entrySet()) {
            String reader = reviewers.apply(submission.getValue().path("reviewingBodies").path(0).asText());
            String state = gateway.submission(reader, submission.getKey()).path("review").path("state").asText();
            while (!state.equals("OFFICIAL")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("submission " + submission.getKey() + " is " + state + ", not OFFICIAL, "
                            + wait.toSeconds() + " s after its release");
                }
                pause();
                state = gateway.submission(reader, submission.getKey()).path("review").path("state").asText();
            }
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** "/observations/12" points into the batch: name the source row, not just the index. */
    private static String describe(List<Observation> batch, JsonNode conflict) {
        String pointer = conflict.path("row").asText();
        String where = pointer;
        String[] parts = pointer.split("/");
        if (parts.length >= 3) {
            try {
                Observation o = batch.get(Integer.parseInt(parts[2]));
                where = o.source() + " " + o.measure() + " " + o.area() + " " + o.period() + " " + o.dimensions();
            } catch (RuntimeException notAnIndex) {
                // keep the pointer
            }
        }
        return where + ": " + conflict.path("field").asText() + " " + conflict.path("code").asText() + " "
                + conflict.path("message").asText();
    }
}
