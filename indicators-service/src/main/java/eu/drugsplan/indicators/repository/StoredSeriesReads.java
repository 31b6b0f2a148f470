package eu.drugsplan.indicators.repository;

import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The current values of many series in one query: the intake reads the history of a chunk's series at once. */
@ApplicationScoped
public class StoredSeriesReads {

    private final EntityManager em;

    public StoredSeriesReads(EntityManager em) {
        this.em = em;
    }

    /** @return one entry per stored series among the keys, in key order; a key never stored is left out */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<StoredSeries> current(List<String> seriesKeys) {
        if (seriesKeys.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("select s.series_key, o.period, o.value, o.status from series s "
                        + "join observation o on o.series_id = s.id where s.series_key = any(cast(?1 as text[])) "
                        + "order by s.series_key, o.period")
                .setParameter(1, seriesKeys.toArray(String[]::new))
                .getResultList();
        Map<String, List<StoredValue>> bySeries = new LinkedHashMap<>();
        for (Object[] r : rows) {
            bySeries.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new StoredValue((String) r[1], (BigDecimal) r[2], (String) r[3]));
        }
        List<StoredSeries> stored = new ArrayList<>();
        for (String key : seriesKeys) {
            List<StoredValue> values = bySeries.get(key);
            if (values != null) {
                stored.add(new StoredSeries(key, values));
            }
        }
        return stored;
    }
}
