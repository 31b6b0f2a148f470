package eu.drugsplan.indicators.service;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.indicators.config.IndicatorsConfig;
import eu.drugsplan.indicators.repository.ObservationRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Runs data queries: counts first, refuses what is over the cap, then streams. */
@ApplicationScoped
public class DataExports {

    private final ObservationRows rows;
    private final IndicatorsConfig config;

    public DataExports(ObservationRows rows, IndicatorsConfig config) {
        this.rows = rows;
        this.config = config;
    }

    /** Refuses, before anything is written, a query whose result is larger than the configured cap. */
    public long admit(DataQuery query) {
        long count = rows.count(query);
        long cap = config.data().maxObservations();
        if (count > cap) {
            throw new ProblemException(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "result-too-large",
                    "The query matches " + count + " observations, more than the " + cap + " one answer may hold. "
                            + "Narrow it (area, dimension codes, startPeriod/endPeriod, lastNObservations, "
                            + "updatedAfter) or page through it, e.g. one area or one period range at a time."));
        }
        return count;
    }

    public void stream(DataQuery query, ObservationRows.RowSink sink) {
        rows.stream(query, sink);
    }
}
