package eu.drugsplan.submissions.repository;

import eu.drugsplan.submissions.service.review.ReviewAction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of the review audit (V7): kept for good. */
@Entity
@Table(name = "review_action")
public class ReviewActionRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_action_seq")
    @SequenceGenerator(name = "review_action_seq", sequenceName = "review_action_seq", allocationSize = 50)
    public Long id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewAction action;

    @Column(nullable = false)
    public String actor;

    public String body;

    @Column(name = "acted_at", nullable = false)
    public Instant actedAt;

    public String note;

    @Column(name = "publish_at")
    public Instant publishAt;

    public static List<ReviewActionRecord> of(UUID submissionId) {
        return list("submissionId = ?1 order by id", submissionId);
    }

    public static List<ReviewActionRecord> ofSubmissions(List<UUID> submissionIds) {
        return submissionIds.isEmpty() ? List.of() : list("submissionId in ?1 order by actedAt, id", submissionIds);
    }
}
