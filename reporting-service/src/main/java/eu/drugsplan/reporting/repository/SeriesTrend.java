package eu.drugsplan.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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

    /** The overall assessment label, duplicated from the JSON for cheap counting. */
    @Column(length = 32)
    public String overall;

    /** True for an EU total computed here, false for a series as reported. */
    @Column(nullable = false)
    public boolean computed;

    /** Taken from series_trend_revision_seq at every write: ETags derive from it. */
    @Column(nullable = false)
    public long revision;

    public static Optional<SeriesTrend> byKey(String seriesKey) {
        return findByIdOptional(seriesKey);
    }

    /**
     * The row of a computed series, created empty (data version 0) if missing, and locked for update: writers of
     * one computed series in several consumers or instances take turns, and none fails on the first insert.
     */
    public static SeriesTrend lockComputed(String seriesKey, String measure, String area) {
        getEntityManager().createNativeQuery("""
                        insert into series_trend (series_key, measure, area, dimensions, data_version, changed_at,
                                                  computed_at, trend, computed, revision)
                        values (:key, :measure, :area, '{}', 0, now(), now(), '{}', true,
                                nextval('series_trend_revision_seq'))
                        on conflict (series_key) do nothing""")
                .setParameter("key", seriesKey)
                .setParameter("measure", measure)
                .setParameter("area", area)
                .executeUpdate();
        return findById(seriesKey, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<SeriesTrend> ofMeasure(String measure) {
        return list("measure = ?1 order by seriesKey", measure);
    }
}
