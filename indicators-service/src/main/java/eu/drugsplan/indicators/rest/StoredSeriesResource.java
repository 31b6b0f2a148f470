package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.StoredSeries;
import eu.drugsplan.indicators.repository.StoredSeriesReads;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For submissions-service's plausibility checks: the current values of the series of one chunk of rows, in one
 * call (a POST, because a chunk names hundreds of keys). Internal: the gateway does not route /internal.
 */
@Path("/internal/v1/series/current")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service endpoints, not routed by the gateway")
public class StoredSeriesResource {

    /** The intake asks per chunk; more keys than this in one call would be a client bug, not a chunk. */
    static final int MAX_KEYS = 50_000;

    private final StoredSeriesReads reads;

    public StoredSeriesResource(StoredSeriesReads reads) {
        this.reads = reads;
    }

    /** The series keys whose values are asked for, in their canonical text. */
    public record StoredSeriesRequest(List<String> seriesKeys) {
    }

    @POST
    @Operation(summary = "The current values of the named series (those never stored are left out)")
    public List<StoredSeries> current(StoredSeriesRequest request) {
        if (request == null || request.seriesKeys() == null) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-body",
                    "The body names the series: {\"seriesKeys\": [\"PI09.X:AT:SEX=M\", ...]}"));
        }
        List<String> keys = List.copyOf(new LinkedHashSet<>(request.seriesKeys()));
        if (keys.size() > MAX_KEYS) {
            throw new ProblemException(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-many-series",
                    "At most " + MAX_KEYS + " series a call; " + keys.size() + " were named."));
        }
        return reads.current(keys);
    }
}
