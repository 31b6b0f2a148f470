package eu.drugsplan.submissions.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** Why one row of a submission was rejected. */
@Entity
@Table(name = "submission_conflict")
public class SubmissionConflict extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_conflict_seq")
    @SequenceGenerator(name = "submission_conflict_seq", sequenceName = "submission_conflict_seq", allocationSize = 100)
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

    public static List<SubmissionConflict> firstOf(UUID submissionId, int max) {
        return find("submissionId = ?1 order by id", submissionId).page(0, max).list();
    }
}
