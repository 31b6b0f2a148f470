package eu.drugsplan.reporting.service;

import eu.drugsplan.reporting.repository.SeriesTrend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** Reads stored trends. */
@ApplicationScoped
public class TrendQueries {

    /** The stored trend JSON of every matching series of a measure. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> ofMeasure(String measure, Set<String> areas) {
        return SeriesTrend.ofMeasure(measure).stream()
                .filter(t -> areas.isEmpty() || areas.contains(t.area))
                .map(t -> t.trend)
                .toList();
    }
}
