package eu.drugsplan.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change of an observation, kept forever: who sent which value in which submission, and when. */
@Entity
@Table(name = "observation_version")
public class ObservationVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_version_seq")
    @SequenceGenerator(name = "observation_version_seq", sequenceName = "observation_version_seq", allocationSize = 100)
    public Long id;

    @Column(name = "series_id", nullable = false)
    public Long seriesId;

    @Column(nullable = false)
    public String period;

    public BigDecimal value;
    public String status;
    public String comment;

    @Column(nullable = false)
    public boolean deleted;

    @Column(nullable = false)
    public String reporter;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<ObservationVersion> history(long seriesId, String period) {
        return list("seriesId = ?1 and period = ?2 order by id", seriesId, period);
    }
}
