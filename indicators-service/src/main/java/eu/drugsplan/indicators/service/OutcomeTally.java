package eu.drugsplan.indicators.service;

import eu.drugsplan.indicators.repository.ProcessedEvents.SubmissionOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What one batch did to the observations of each submission it touched, added to the stored counts at its end. */
final class OutcomeTally {

    private final Map<UUID, Map<StoreOutcome, Long>> bySubmission = new HashMap<>();

    void add(UUID submissionId, StoreOutcome outcome) {
        bySubmission.computeIfAbsent(submissionId, id -> new EnumMap<>(StoreOutcome.class)).merge(outcome, 1L, Long::sum);
    }

    List<SubmissionOutcome> outcomes(Instant appliedAt) {
        List<SubmissionOutcome> outcomes = new ArrayList<>(bySubmission.size());
        bySubmission.forEach((submission, counts) -> outcomes.add(new SubmissionOutcome(submission,
                counts.values().stream().mapToLong(Long::longValue).sum(),
                count(counts, StoreOutcome.INSERTED), count(counts, StoreOutcome.REVISED),
                count(counts, StoreOutcome.UNCHANGED) + count(counts, StoreOutcome.SUPERSEDED),
                count(counts, StoreOutcome.DELETED), count(counts, StoreOutcome.NOTHING_TO_DELETE), appliedAt)));
        return outcomes;
    }

    private static long count(Map<StoreOutcome, Long> counts, StoreOutcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }
}
