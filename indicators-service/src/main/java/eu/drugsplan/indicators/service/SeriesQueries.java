package eu.drugsplan.indicators.service;

import eu.drugsplan.indicators.repository.Observation;
import eu.drugsplan.indicators.repository.Series;
import eu.drugsplan.indicators.rest.SeriesView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** Reads series with their current observations. */
@ApplicationScoped
public class SeriesQueries {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SeriesView> ofMeasure(String measure, Set<String> areas) {
        return Series.ofMeasure(measure).stream()
                .filter(s -> areas.isEmpty() || areas.contains(s.area))
                .map(SeriesQueries::view)
                .toList();
    }

    private static SeriesView view(Series series) {
        List<SeriesView.ObservationView> observations = Observation.ofSeries(series.id).stream()
                .map(o -> new SeriesView.ObservationView(o.period, o.value, o.status, o.comment))
                .toList();
        return new SeriesView(series.seriesKey, series.measure, series.area, series.dimensions,
                series.dataVersion, series.updatedAt, observations);
    }
}
