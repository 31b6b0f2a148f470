package eu.drugsplan.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest trend of one series, stored as the JSON the API serves. */
@Entity
@Table(name = "series_trend")
public class SeriesTrend extends PanacheEntityBase {

    @Id
    @Column(name = "series_key")
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

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String trend;

    public static Optional<SeriesTrend> byKey(String seriesKey) {
        return findByIdOptional(seriesKey);
    }

    public static List<SeriesTrend> ofMeasure(String measure) {
        return list("measure = ?1 order by seriesKey", measure);
    }
}
