package eu.drugsplan.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.reporting.repository.SeriesTrend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes one trend row and announces the change. The announcement is a CDI event observed after the
 * transaction commits (see {@link TrendStream}), so no client ever hears of a trend it cannot read.
 */
@ApplicationScoped
public class TrendStore {

    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final Event<TrendChanged> changed;

    public TrendStore(ObjectMapper json, EntityManager entityManager, Event<TrendChanged> changed) {
        this.json = json;
        this.entityManager = entityManager;
        this.changed = changed;
    }

    /** @param row the stored row of this series, or null for a new series */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(SeriesTrend row, TrendView view) {
        SeriesTrend trend = row != null ? row : new SeriesTrend();
        trend.seriesKey = view.seriesKey();
        trend.measure = view.measure();
        trend.area = view.area();
        trend.dimensions = view.dimensions();
        trend.computed = view.computed();
        trend.dataVersion = view.dataVersion();
        trend.changedAt = view.changedAt();
        trend.computedAt = view.computedAt();
        trend.overall = view.overall().assessment().name();
        trend.revision = nextRevision();
        trend.trend = serialize(view);
        trend.persist();
        changed.fire(new TrendChanged(view.seriesKey(), view.measure(), view.area(), view.dataVersion(), trend.trend));
    }

    private long nextRevision() {
        return ((Number) entityManager.createNativeQuery("select nextval('series_trend_revision_seq')")
                .getSingleResult()).longValue();
    }

    private String serialize(TrendView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trend cannot be serialized", e);
        }
    }
}
