package eu.drugsplan.reporting.rest;

import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.reporting.service.MeasureCatalogue;
import eu.drugsplan.reporting.service.MeasureFacts;
import eu.drugsplan.reporting.service.TrendFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a trend query string: {@code area} and one parameter per dimension code list id of the measure,
 * each a comma-separated list of codes. A parameter that is not a dimension of the measure is refused
 * (a misspelt filter would otherwise silently return everything) - unless the catalogue cannot be asked.
 */
@ApplicationScoped
public class TrendFilters {

    static final String AREA = "area";

    private final MeasureCatalogue catalogue;

    public TrendFilters(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public TrendFilter parse(String measure, MultivaluedMap<String, String> query) {
        MeasureFacts facts = catalogue.facts(measure);
        // a measure the catalogue denies is a wrong address; one it cannot confirm (catalogue down) is served
        if (facts.source() == MeasureFacts.Source.NOT_IN_CATALOGUE) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "unknown-measure",
                    "There is no measure '" + measure + "' in the catalogue (GET /api/v1/measures lists them)."));
        }
        Map<String, Set<String>> dimensions = new HashMap<>();
        query.forEach((name, values) -> {
            if (!AREA.equals(name)) {
                if (facts.known() && !facts.dimensions().contains(name)) {
                    throw unknownDimension(measure, name, facts.dimensions());
                }
                Set<String> codes = codes(values);
                if (!codes.isEmpty()) {
                    dimensions.put(name, codes);
                }
            }
        });
        return TrendFilter.of(measure, codes(query.getOrDefault(AREA, List.of())), dimensions);
    }

    static Set<String> codes(List<String> parameters) {
        return parameters.stream()
                .flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static ProblemException unknownDimension(String measure, String name, List<String> dimensions) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "unknown-dimension",
                "'" + name + "' is neither 'area' nor a dimension of " + measure + " (its dimensions: "
                        + (dimensions.isEmpty() ? "none" : String.join(", ", dimensions)) + ")."));
    }
}
