package eu.drugsplan.submissions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
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

    public static List<SubmissionWarning> firstOf(UUID submissionId, int max) {
        return find("submissionId = ?1 order by id", submissionId).page(0, max).list();
    }
}
