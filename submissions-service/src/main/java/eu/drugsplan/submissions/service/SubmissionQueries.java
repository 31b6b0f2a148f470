package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.repository.SubmissionStatus;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads submissions back, only for whoever may see them. */
@ApplicationScoped
public class SubmissionQueries {

    private final SubmissionTimeline timeline;
    private final SubmissionsConfig config;

    public SubmissionQueries(SubmissionTimeline timeline, SubmissionsConfig config) {
        this.timeline = timeline;
        this.config = config;
    }

    /** Who asks: a reviewer (or admin) sees every submission, anyone else only their reporter's. */
    public record Viewer(String reporter, boolean reviewer) {

        boolean maySee(Submission submission) {
            return reviewer || submission.reporter.equals(reporter);
        }
    }

    /** Filters of the list; null means any. */
    public record Filter(String reporter, SubmissionStatus status, Instant from, Instant to) {
    }

    public record SubmissionItem(UUID id, String reporter, String mediaType, SubmissionStatus status,
                                 Instant receivedAt, Instant validatedAt, int received, int accepted, int rejected,
                                 int deleted, ReviewView review) {

        static SubmissionItem of(Submission s) {
            return new SubmissionItem(s.id, s.reporter, s.mediaType, s.status, s.receivedAt, s.validatedAt,
                    s.received, s.accepted, s.rejected, s.deleted, ReviewView.of(s));
        }
    }

    public record SubmissionPage(List<SubmissionItem> items, int page, int size, long total) {
    }

    @Transactional
    public Optional<SubmissionStatusView> find(UUID id, Viewer viewer) {
        return Submission.<Submission>findByIdOptional(id)
                .filter(viewer::maySee)
                .map(s -> SubmissionStatusView.of(SubmissionSummary.stored(s, config.maxConflictsShown()), s,
                        timeline.of(s)));
    }

    /** Answers exactly as first answered, for a replayed Idempotency-Key: the submission as it stands now. */
    @Transactional
    public Optional<SubmissionSummary> summary(UUID id) {
        return Submission.<Submission>findByIdOptional(id).map(s -> SubmissionSummary.stored(s, config.maxConflictsShown()));
    }

    /** Newest first; a focal point's filter is always its own reporter. */
    @Transactional
    public SubmissionPage list(Filter filter, Viewer viewer, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        String reporter = viewer.reviewer() ? filter.reporter() : viewer.reporter();
        if (reporter != null) {
            clauses.add("reporter = :reporter");
            parameters.put("reporter", reporter);
        }
        if (filter.status() != null) {
            clauses.add("status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.from() != null) {
            clauses.add("receivedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("receivedAt < :to");
            parameters.put("to", filter.to());
        }
        var query = Submission.<Submission>find(String.join(" and ", clauses), Sort.descending("receivedAt").and("id"), parameters)
                .page(Page.of(page, size));
        return new SubmissionPage(query.list().stream().map(SubmissionItem::of).toList(), page, size, query.count());
    }
}
