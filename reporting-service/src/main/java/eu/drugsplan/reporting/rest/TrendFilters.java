package eu.drugsplan.reporting.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.reporting.config.TrendsConfig;
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
 * each a comma-separated list of codes; with {@code series=headline} a dimension not named is limited to
 * its headline code. A parameter that is not a dimension of the measure is refused
 * (a misspelt filter would otherwise silently return everything) - unless the catalogue cannot be asked.
 * A list of more codes than {@code trends.max-codes}, or a code longer than any code, is refused with 400.
 */
@ApplicationScoped
public class TrendFilters {

    static final String AREA = "area";
    /** The parameters of a list that are not dimension filters. */
    private static final Set<String> NOT_DIMENSIONS = Set.of(AREA, SeriesScope.PARAMETER, Paging.PAGE, Paging.SIZE);

    private final MeasureCatalogue catalogue;
    private final int maxCodes;

    public TrendFilters(MeasureCatalogue catalogue, TrendsConfig config) {
        this.catalogue = catalogue;
        this.maxCodes = config.maxCodes();
    }

    /** A trend list's filter: every series unless {@code series=headline}. */
    public TrendFilter parse(String measure, MultivaluedMap<String, String> query) {
        return parse(measure, query, SeriesScope.ALL);
    }

    /** @param scope the series scope when the query does not name one */
    public TrendFilter parse(String measure, MultivaluedMap<String, String> query, SeriesScope scope) {
        MeasureFacts facts = catalogue.facts(measure);
        // a measure the catalogue denies is a wrong address; one it cannot confirm (catalogue down) is served
        if (facts.source() == MeasureFacts.Source.NOT_IN_CATALOGUE) {
            throw new ProblemException(Problems.of(Response.Status.NOT_FOUND, "unknown-measure",
                    "There is no measure '" + measure + "' in the catalogue (GET /api/v1/measures lists them)."));
        }
        Map<String, Set<String>> dimensions = new HashMap<>();
        query.forEach((name, values) -> {
            if (!NOT_DIMENSIONS.contains(name)) {
                if (facts.known() && !facts.dimensions().contains(name)) {
                    throw unknownDimension(measure, name, facts.dimensions());
                }
                Set<String> codes = codes(name, values);
                if (!codes.isEmpty()) {
                    dimensions.put(name, codes);
                }
            }
        });
        // series=headline: the headline code (STAT=DAILY_MEAN, SEX=T ...) for each dimension not named. Not yet the
        // default: the dashboard and the e2e tests read PI09 trends of SEX=M/F by area alone (see the README)
        SeriesScope asked = SeriesScope.parse(query.getFirst(SeriesScope.PARAMETER), scope);
        return TrendFilter.of(measure, codes(AREA, query.getOrDefault(AREA, List.of())),
                asked == SeriesScope.HEADLINE ? facts.headline().defaults(dimensions) : dimensions);
    }

    /** The codes of a parameter (repeated or comma-separated), within the caps. */
    Set<String> codes(String name, List<String> parameters) {
        Set<String> codes = parameters.stream()
                .flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (codes.size() > maxCodes) {
            throw tooMany(name, codes.size());
        }
        if (codes.stream().anyMatch(code -> code.length() > TextLimits.CODE)) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter",
                    "A code of '" + name + "' is longer than " + TextLimits.CODE + " characters, which no code is."));
        }
        return codes;
    }

    private ProblemException tooMany(String name, int count) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter",
                "'" + name + "' names " + count + " codes, more than the " + maxCodes + " one request may name; "
                        + "split the request."));
    }

    private static ProblemException unknownDimension(String measure, String name, List<String> dimensions) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unknown-dimension",
                "'" + name + "' is neither 'area' nor a dimension of " + measure + " (its dimensions: "
                        + (dimensions.isEmpty() ? "none" : String.join(", ", dimensions)) + ")."));
    }
}
