package eu.drugsplan.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** The current value one area reported for one period of a (measure, dimensions) combination. */
@Entity
@Table(name = "country_value")
public class CountryValue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "country_value_seq")
    @SequenceGenerator(name = "country_value_seq", sequenceName = "country_value_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String measure;

    @Column(name = "dimensions_key", nullable = false)
    public String dimensionsKey;

    @Column(nullable = false)
    public String area;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public BigDecimal value;

    /** The sum and the number of reporting areas per period, over the given areas only. */
    public static List<PeriodTotal> totals(String measure, String dimensionsKey, Collection<String> areas) {
        return getEntityManager().createQuery("""
                        select new eu.drugsplan.reporting.repository.PeriodTotal(period, sum(value), count(*))
                        from CountryValue
                        where measure = :measure and dimensionsKey = :dimensions and area in :areas
                        group by period order by period""", PeriodTotal.class)
                .setParameter("measure", measure)
                .setParameter("dimensions", dimensionsKey)
                .setParameter("areas", areas)
                .getResultList();
    }

    public static List<CountryValue> of(String measure, String dimensionsKey, String area) {
        return list("measure = ?1 and dimensionsKey = ?2 and area = ?3", measure, dimensionsKey, area);
    }
}
