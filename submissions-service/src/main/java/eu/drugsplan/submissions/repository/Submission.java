package eu.drugsplan.submissions.repository;

import eu.drugsplan.submissions.service.SubmissionCounts;
import eu.drugsplan.submissions.service.review.ReviewState;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One request of a reporter: its counts and where it stands. Accepted rows travel on as outbox events. The
 * submission moves itself through its intake states (received, processing, validated or rejected, failed); the
 * review states are {@code service.review}'s.
 */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reporter;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "validated_at")
    public Instant validatedAt;

    public int received;
    public int accepted;
    public int rejected;
    public int deleted;
    /** Plausibility warnings on accepted rows, all of them (the answer lists the first max-conflicts-shown). */
    public int warnings;

    /** The outbox ids this submission's events occupy (other submissions' events may interleave). */
    @Column(name = "first_event_id")
    public Long firstEventId;

    @Column(name = "last_event_id")
    public Long lastEventId;

    @Column(name = "chunks_committed", nullable = false)
    public int chunksCommitted;

    /** When Kafka had acknowledged every event of the submission, once someone looked. */
    @Column(name = "published_at")
    public Instant publishedAt;

    public String failure;

    /** What the reader left out and said so (SDMX-CSV custom columns), one note a line (V5). */
    public String notes;

    /** The token subject of the person who submitted: four eyes compares it with the releaser's (V7). */
    @Column(name = "submitted_by")
    public String submittedBy;

    /** Null when nothing was accepted (nothing to review). */
    @Enumerated(EnumType.STRING)
    @Column(name = "review_state")
    public ReviewState reviewState;

    /** The bodies that must release the rows under review, sorted, comma-separated. */
    @Column(name = "reviewing_bodies")
    public String reviewingBodies;

    /** The bodies that released so far, sorted, comma-separated. */
    @Column(name = "released_by")
    public String releasedBy;

    /** When a release becomes official (an embargo ends); set by the last releasing body. */
    @Column(name = "publish_at")
    public Instant publishAt;

    /** When its events went to the outbox. */
    @Column(name = "official_at")
    public Instant officialAt;

    /** The reviewer's comment for the whole when it was returned. */
    @Column(name = "review_comment")
    public String reviewComment;

    public Set<String> reviewingBodies() {
        return bodies(reviewingBodies);
    }

    public Set<String> releasedBy() {
        return bodies(releasedBy);
    }

    public void addReviewingBody(String body) {
        Set<String> bodies = new TreeSet<>(reviewingBodies());
        if (bodies.add(body)) {
            reviewingBodies = String.join(",", bodies);
        }
    }

    public void releasedBy(Set<String> bodies) {
        releasedBy = bodies.isEmpty() ? null : String.join(",", new TreeSet<>(bodies));
    }

    private static Set<String> bodies(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : new TreeSet<>(List.of(joined.split(",")));
    }

    public void coverEvents(long first, long last) {
        firstEventId = firstEventId == null ? first : Math.min(firstEventId, first);
        lastEventId = lastEventId == null ? last : Math.max(lastEventId, last);
    }

    public int events() {
        return accepted + deleted;
    }

    /** A submission just received from a reporter, before any row is read. */
    public static Submission received(String reporter, String submittedBy, String mediaType, Instant at) {
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.reporter = reporter;
        submission.submittedBy = submittedBy;
        submission.mediaType = mediaType;
        submission.status = SubmissionStatus.RECEIVED;
        submission.receivedAt = at;
        return submission;
    }

    /** Answered with 202: its rows are committed chunk by chunk from now on. */
    public void processing() {
        status = SubmissionStatus.PROCESSING;
    }

    /** The counts of the rows read so far (an asynchronous load records them with every chunk). */
    public void count(SubmissionCounts counts) {
        received = counts.received();
        accepted = counts.accepted();
        rejected = counts.rejected();
        deleted = counts.deleted();
        warnings = counts.warnings();
    }

    /** Every row read: validated when it carried an event (or nothing at all), rejected when every row was refused. */
    public void validated(SubmissionCounts counts, Instant at) {
        count(counts);
        status = events() > 0 || received == 0 ? SubmissionStatus.VALIDATED : SubmissionStatus.REJECTED;
        validatedAt = at;
    }

    /** A load stopped: the chunks committed stand, the reason is shown with the status. */
    public void failed(Exception reason) {
        status = SubmissionStatus.FAILED;
        failure = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
    }
}
