package eu.drugsplan.submissions.service;

import eu.drugsplan.common.transaction.AfterCommit;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The intake's own meters: submissions by outcome, and stored rows accepted or rejected, the rejected ones
 * by reason (conflict code). Every series is registered at zero up front, so a rate is defined from the
 * first scrape and a dashboard can list the reasons before any has occurred.
 */
@ApplicationScoped
public class SubmissionMetrics {

    static final String DRY_RUN = "dry_run";

    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Counter> submissions;
    private final Counter rowsAccepted;
    private final Counter rowsRejected;
    private final Map<ConflictCode, Counter> rejectedByReason = new EnumMap<>(ConflictCode.class);

    public SubmissionMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.submissions = Map.of(
                outcome(SubmissionStatus.VALIDATED), submissionCounter(registry, outcome(SubmissionStatus.VALIDATED)),
                outcome(SubmissionStatus.REJECTED), submissionCounter(registry, outcome(SubmissionStatus.REJECTED)),
                outcome(SubmissionStatus.FAILED), submissionCounter(registry, outcome(SubmissionStatus.FAILED)),
                DRY_RUN, submissionCounter(registry, DRY_RUN));
        this.rowsAccepted = rowCounter(registry, "accepted");
        this.rowsRejected = rowCounter(registry, "rejected");
        for (ConflictCode code : ConflictCode.values()) {
            rejectedByReason.put(code, Counter.builder("submissions.rows.rejected")
                    .description("Stored rows refused, once per reason a row was refused for")
                    .tag("reason", code.name())
                    .register(registry));
        }
    }

    /** A submission reached its final state: validated (some rows stored), rejected (none), failed. */
    void finished(SubmissionStatus status) {
        Counter counter = submissions.get(outcome(status));
        if (counter != null) {
            counter.increment();
        }
    }

    void dryRun() {
        submissions.get(DRY_RUN).increment();
    }

    /**
     * Counts a chunk's rows once its transaction has committed: a chunk rolled back (a failed load, a lost
     * Idempotency-Key race) stored nothing and must not count.
     */
    void chunkWritten(IntakePipeline.Chunk chunk) {
        int accepted = chunk.acceptedRows();
        List<Conflict> conflicts = chunk.conflicts();
        if (accepted == 0 && conflicts.isEmpty()) {
            return;
        }
        AfterCommit.run(transactions, () -> count(accepted, conflicts));
    }

    private void count(int accepted, List<Conflict> conflicts) {
        rowsAccepted.increment(accepted);
        Set<String> rows = new HashSet<>();
        Set<String> rowReasons = new HashSet<>();
        for (Conflict conflict : conflicts) {
            rows.add(conflict.row());
            if (rowReasons.add(conflict.row() + '\u0000' + conflict.code().name())) {
                rejectedByReason.get(conflict.code()).increment();
            }
        }
        rowsRejected.increment(rows.size());
    }

    private static String outcome(SubmissionStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static Counter submissionCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("submissions")
                .description("Submissions by final outcome (dry runs separately)")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter rowCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("submissions.rows")
                .description("Rows of stored submissions, accepted (written to the outbox) or rejected")
                .tag("outcome", outcome)
                .register(registry);
    }
}
