package eu.drugsplan.reporting.rest;

import eu.drugsplan.reporting.service.TrendQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/trends")
@Tag(name = "Trends", description = "Trend methods per series, for dashboards")
public class TrendResource {

    private final TrendQueries queries;

    public TrendResource(TrendQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("{measure}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The trend of every series of a measure, optionally for some areas (comma-separated)")
    public String trends(@PathParam("measure") String measure, @QueryParam("area") String area) {
        // the stored documents are already the JSON we serve: join them rather than parse and re-serialize
        List<String> trends = queries.ofMeasure(measure, codes(area));
        return "{\"measure\":\"" + measure.replaceAll("[^A-Za-z0-9._-]", "") + "\",\"trends\":["
                + String.join(",", trends) + "]}";
    }

    static Set<String> codes(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(parameter.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
