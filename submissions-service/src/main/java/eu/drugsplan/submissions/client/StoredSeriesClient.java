package eu.drugsplan.submissions.client;

import eu.drugsplan.contracts.series.StoredSeries;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** indicators-service's internal read of the current values of many series: one call per chunk of rows. */
@RegisterRestClient(configKey = "history")
@Path("/internal/v1/series/current")
public interface StoredSeriesClient {

    /** The body: {@code {"seriesKeys": [...]}}. */
    record Request(List<String> seriesKeys) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    List<StoredSeries> current(Request request);
}
