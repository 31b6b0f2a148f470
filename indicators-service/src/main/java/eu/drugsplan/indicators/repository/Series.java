package eu.drugsplan.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One time series; its data version grows by one with every stored change. */
@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "series_seq")
    @SequenceGenerator(name = "series_seq", sequenceName = "series_seq", allocationSize = 50)
    public Long id;

    @Column(name = "series_key", nullable = false, unique = true)
    public String seriesKey;

    @Column(nullable = false)
    public String measure;

    @Column(nullable = false)
    public String area;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> dimensions;

    @Column(name = "data_version", nullable = false)
    public long dataVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Series> byKey(String seriesKey) {
        return find("seriesKey", seriesKey).firstResultOptional();
    }

    public static List<Series> ofMeasure(String measure) {
        return list("measure = ?1 order by seriesKey", measure);
    }
}
