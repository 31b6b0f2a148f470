package eu.drugsplan.submissions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A plausibility warning on an accepted row of a submission (written by IntakeWriter with COPY). */
@Entity
@Table(name = "submission_warning")
public class SubmissionWarning extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "row_pointer", nullable = false)
    public String rowPointer;

    @Column(nullable = false)
    public String field;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String message;

    @Column(name = "series_key", nullable = false)
    public String seriesKey;

    @Column(nullable = false)
    public String period;

    public BigDecimal value;

    public BigDecimal reference;

    public Double score;

    /** The subject of the reviewer who accepted the warning; null while it is not accepted. */
    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_body")
    public String acceptedBody;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_note")
    public String acceptedNote;

    public static List<SubmissionWarning> firstOf(UUID submissionId, int max) {
        return find("submissionId = ?1 order by id", submissionId).page(0, max).list();
    }

    /** The submission's warning of this rule on this row (a rule warns at most once per row). */
    public static Optional<SubmissionWarning> of(UUID submissionId, String rowPointer, String code) {
        return find("submissionId = ?1 and rowPointer = ?2 and code = ?3", submissionId, rowPointer, code)
                .firstResultOptional();
    }
}
