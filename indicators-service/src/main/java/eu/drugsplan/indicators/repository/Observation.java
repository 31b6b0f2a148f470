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
import java.util.Optional;
import java.util.UUID;

/** The current value of one period of a series. Earlier values live in {@link ObservationVersion}. */
@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 100)
    public Long id;

    @Column(name = "series_id", nullable = false)
    public Long seriesId;

    @Column(nullable = false)
    public String period;

    public BigDecimal value;

    @Column(nullable = false)
    public String status;

    public String comment;

    @Column(nullable = false)
    public String reporter;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Observation> at(long seriesId, String period) {
        return find("seriesId = ?1 and period = ?2", seriesId, period).firstResultOptional();
    }

    public static List<Observation> ofSeries(long seriesId) {
        return list("seriesId = ?1 order by period", seriesId);
    }
}
