package eu.drugsplan.indicators.rest;

import eu.drugsplan.indicators.service.SeriesQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data", description = "The stored time series of the indicators")
public class DataResource {

    private final SeriesQueries queries;

    public DataResource(SeriesQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("{measure}")
    @Operation(summary = "Every series of a measure with its current observations")
    public DataResponse data(@PathParam("measure") String measure, @QueryParam("area") String area) {
        return new DataResponse(measure, queries.ofMeasure(measure, codes(area)));
    }

    /** "AT,BE" -> {AT, BE}; absent -> all. */
    static Set<String> codes(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(parameter.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
