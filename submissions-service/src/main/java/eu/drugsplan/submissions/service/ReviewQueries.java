package eu.drugsplan.submissions.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.event.ObservationEvent;
import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import eu.drugsplan.submissions.repository.HeldEvents;
import eu.drugsplan.submissions.repository.StoredSeriesCopy;
import eu.drugsplan.submissions.repository.HeldEvents.Held;
import eu.drugsplan.submissions.repository.HeldEvents.RowComment;
import eu.drugsplan.submissions.repository.ReviewActionRecord;
import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.service.SubmissionQueries.Viewer;
import eu.drugsplan.submissions.service.review.ReviewAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What reviewers and reporters read of a review: the rows beside what is official, the audit, the queue. */
@ApplicationScoped
public class ReviewQueries {

    /** A value as public reads show it now. */
    public record Official(BigDecimal value, String status) {
    }

    @Schema(description = "An accepted row under review (or since released) beside the value that is official now")
    public record ReviewRow(String series, String period, ObservationAction action, BigDecimal value, String status,
                            String comment,
                            @Schema(description = "The value public reads show now; null when none is official")
                            Official official,
                            @Schema(description = "The reviewer's comment on this row, when returned")
                            String reviewComment) {
    }

    /**
     * officialKnown: always true since the official values are this service's own copy (StoredSeriesCopy); it was
     * false when indicators-service could not be asked, and stays for the clients written then.
     */
    public record RowPage(List<ReviewRow> rows, int page, int size, boolean officialKnown) {
    }

    public record AuditEntry(UUID submission, ReviewAction action, String actor, String body, Instant at, String note,
                             Instant publishAt) {

        static AuditEntry of(ReviewActionRecord r) {
            return new AuditEntry(r.submissionId, r.action, r.actor, r.body, r.actedAt, r.note, r.publishAt);
        }
    }

    public record QueueItem(UUID id, String reporter, Set<String> measures, Instant receivedAt, int accepted,
                            int deleted, int warnings, Set<String> reviewingBodies, Set<String> releasedBy) {
    }

    public record Queue(Set<String> bodies, List<QueueItem> items) {
    }

    private final HeldEvents held;
    private final StoredSeriesCopy store;
    private final ObjectMapper json;
    private final EntityManager entityManager;

    public ReviewQueries(HeldEvents held, StoredSeriesCopy store, ObjectMapper json,
                         EntityManager entityManager) {
        this.held = held;
        this.store = store;
        this.json = json;
        this.entityManager = entityManager;
    }

    /** One page of held events (up to size events, each up to a thousand rows of one series). */
    @Transactional
    public Optional<RowPage> rows(UUID id, Viewer viewer, int page, int size) {
        Optional<Submission> submission = Submission.<Submission>findByIdOptional(id).filter(viewer::maySee);
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        List<Held> events = held.page(id, page * size, size);
        Map<String, String> comments = new HashMap<>();
        for (RowComment c : held.comments(id)) {
            comments.put(c.seriesKey() + "|" + c.period(), c.comment());
        }
        Map<String, Map<String, Official>> official = official(events);
        List<ReviewRow> rows = new ArrayList<>();
        for (Held event : events) {
            ObservationEvent parsed = event.event(json);
            Map<String, Official> stored = official.getOrDefault(event.seriesKey(), Map.of());
            for (ObservationChange change : parsed.observations()) {
                rows.add(new ReviewRow(event.seriesKey(), change.period(), change.action(), change.value(),
                        change.status(), change.comment(), stored.get(change.period()),
                        comments.get(event.seriesKey() + "|" + change.period())));
            }
        }
        return Optional.of(new RowPage(rows, page, size, true));
    }

    @Transactional
    public Optional<List<AuditEntry>> audit(UUID id, Viewer viewer) {
        return Submission.<Submission>findByIdOptional(id).filter(viewer::maySee)
                .map(s -> ReviewActionRecord.of(id).stream().map(AuditEntry::of).toList());
    }

    /** The steps of every submission that carried rows of the series under review, oldest first. */
    @Transactional
    public List<AuditEntry> seriesAudit(String seriesKey) {
        return ReviewActionRecord.ofSubmissions(held.submissionsOf(seriesKey)).stream().map(AuditEntry::of).toList();
    }

    /** Submissions in review that wait for the release of one of these bodies, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Queue queue(Set<String> bodies, int limit) {
        // the bodies are kept comma-separated (Submission); the database picks the page, not this service
        List<UUID> ids = entityManager.createNativeQuery("""
                        select id from submission s where review_state = 'IN_REVIEW' and exists (
                          select 1 from unnest(string_to_array(?1, ',')) b
                           where b = any(string_to_array(s.reviewing_bodies, ','))
                             and not b = any(coalesce(string_to_array(s.released_by, ','), '{}')))
                         order by received_at, id limit ?2""")
                .setParameter(1, String.join(",", bodies)).setParameter(2, limit).getResultList();
        List<Submission> waiting = ids.isEmpty() ? List.of()
                : Submission.<Submission>find("id in ?1 order by receivedAt, id", ids).list();
        Map<UUID, Set<String>> measures = new HashMap<>();
        if (!waiting.isEmpty()) {
            List<Object[]> rows = entityManager.createNativeQuery("""
                            select distinct submission_id, split_part(message_key, ':', 1) from submission_event
                             where submission_id in (?1) order by 2""")
                    .setParameter(1, waiting.stream().map(s -> s.id).toList()).getResultList();
            for (Object[] row : rows) {
                measures.computeIfAbsent((UUID) row[0], k -> new LinkedHashSet<>()).add((String) row[1]);
            }
        }
        return new Queue(bodies, waiting.stream().map(s -> new QueueItem(s.id, s.reporter,
                measures.getOrDefault(s.id, Set.of()), s.receivedAt, s.accepted, s.deleted, s.warnings,
                s.reviewingBodies(), s.releasedBy())).toList());
    }

    /** The official values of the page's series, as this service's copy holds them. */
    private Map<String, Map<String, Official>> official(List<Held> events) {
        List<String> keys = events.stream().map(Held::seriesKey).distinct().toList();
        Map<String, Map<String, Official>> bySeries = new HashMap<>();
        for (StoredSeries series : store.current(keys)) {
            Map<String, Official> values = new HashMap<>();
            for (StoredValue v : series.values()) {
                values.put(v.period(), new Official(v.value(), v.status()));
            }
            bySeries.put(series.seriesKey(), values);
        }
        return bySeries;
    }
}
