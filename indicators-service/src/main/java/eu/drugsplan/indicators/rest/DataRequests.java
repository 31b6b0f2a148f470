package eu.drugsplan.indicators.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.sdmx.data.PeriodIntervals;
import eu.drugsplan.indicators.service.DataQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the query parameters (and the SDMX key, when given) of a data request into a {@link DataQuery},
 * refusing with 400 what cannot be read: an unknown parameter, a malformed period, instant or number, a key
 * with the wrong number of parts, and what is past a cap: more codes in one list than {@link Limits#maxCodes()},
 * a code longer than {@link TextLimits#CODE}, a {@code lastNObservations} over {@link Limits#maxLastObservations()}.
 */
public final class DataRequests {

    static final String AREA = "area";
    static final String WILDCARD = "*";
    private static final Set<String> GENERAL = Set.of(AREA, "startPeriod", "endPeriod", "lastNObservations",
            "updatedAfter", "asOf", "includeHistory");

    private DataRequests() {
    }

    /** The caps of a data request (configured: indicators.data.*). */
    public record Limits(int maxCodes, int maxLastObservations) {
    }

    static DataQuery parse(MeasureView measure, MultivaluedMap<String, String> parameters, String key, Limits limits) {
        rejectUnknown(measure, parameters);
        Set<String> areas = codes(AREA, parameters.getFirst(AREA), ",", limits);
        Map<String, Set<String>> dimensions = new HashMap<>();
        for (String dimension : measure.dimensions()) {
            dimensions.put(dimension, codes(dimension, parameters.getFirst(dimension), ",", limits));
        }
        if (key != null) {
            areas = fromKey(measure, key, areas, dimensions, limits);
        }
        Integer lastN = positive(parameters, "lastNObservations");
        if (lastN != null && lastN > limits.maxLastObservations()) {
            throw invalid("lastNObservations " + lastN + " is more than " + limits.maxLastObservations()
                    + ", the most one request may ask for");
        }
        return new DataQuery(measure.code(), measure.dimensions(), areas, dimensions,
                period(parameters, "startPeriod").map(PeriodIntervals.Interval::start).orElse(null),
                period(parameters, "endPeriod").map(PeriodIntervals.Interval::end).orElse(null),
                null, lastN, instant(parameters, "updatedAfter"),
                instant(parameters, "asOf"), bool(parameters, "includeHistory"), false, null);
    }

    /** "AT001.COCAINE+MDMA." -> area AT001, SUBSTANCE COCAINE or MDMA, any STAT. */
    private static Set<String> fromKey(MeasureView measure, String key, Set<String> areas,
                                       Map<String, Set<String>> dimensions, Limits limits) {
        String[] parts = key.split(Pattern.quote("."), -1);
        int expected = 1 + measure.dimensions().size();
        if (parts.length != expected) {
            throw invalid("The key '" + key + "' has " + parts.length + " parts; " + measure.code() + " expects "
                    + expected + ": REF_AREA" + measure.dimensions().stream().map(d -> "." + d).collect(Collectors.joining()));
        }
        for (int i = 1; i < parts.length; i++) {
            String dimension = measure.dimensions().get(i - 1);
            dimensions.put(dimension, merge(dimension, dimensions.get(dimension),
                    codes(dimension, parts[i], "+", limits)));
        }
        return merge(AREA, areas, codes(AREA, parts[0], "+", limits));
    }

    /** A dimension restricted both by the key and by a parameter would be ambiguous: refused. */
    private static Set<String> merge(String name, Set<String> fromParameter, Set<String> fromKey) {
        if (!fromParameter.isEmpty() && !fromKey.isEmpty()) {
            throw invalid("'" + name + "' is restricted both by the key and by a query parameter; use one of them");
        }
        return fromKey.isEmpty() ? fromParameter : fromKey;
    }

    private static void rejectUnknown(MeasureView measure, MultivaluedMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!GENERAL.contains(name) && !measure.dimensions().contains(name)) {
                throw invalid("Unknown parameter '" + name + "'. " + measure.code() + " is filtered by "
                        + String.join(", ", GENERAL) + (measure.dimensions().isEmpty() ? "" : " and its dimensions "
                        + String.join(", ", measure.dimensions())));
            }
        }
    }

    /** "AT,BE" -> {AT, BE}; absent, empty or the SDMX wildcard {@code *} -> all. */
    public static Set<String> codes(String name, String text, String separator, Limits limits) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> codes = Arrays.stream(text.split(Pattern.quote(separator))).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (codes.contains(WILDCARD)) {
            // SDMX REST 2.x writes "all codes" as *; one alternative that is "all" makes the whole part "all"
            return Set.of();
        }
        if (codes.size() > limits.maxCodes()) {
            throw invalid("'" + name + "' names " + codes.size() + " codes, more than the " + limits.maxCodes()
                    + " one request may name; split the request");
        }
        codes.stream().filter(code -> code.length() > TextLimits.CODE).findFirst().ifPresent(code -> {
            throw invalid("A code of '" + name + "' is longer than " + TextLimits.CODE + " characters, which no "
                    + "code is");
        });
        return codes;
    }

    public static Optional<PeriodIntervals.Interval> period(MultivaluedMap<String, String> parameters, String name) {
        String text = parameters.getFirst(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(PeriodIntervals.of(text.trim()).orElseThrow(() -> invalid(name + " '" + text
                + "' is not an ISO 8601 period (2021, 2021-Q1, 2021-03, 2021-W05, 2021-03-15), an SDMX reporting "
                + "period (2021-S1, 2021-M03, 2021-D074) or a date-time")));
    }

    public static Integer positive(MultivaluedMap<String, String> parameters, String name) {
        String text = parameters.getFirst(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name + " '" + text + "' is not a positive whole number");
    }

    /** An ISO 8601 instant, an offset date-time, or a date (its start, UTC). */
    public static Instant instant(MultivaluedMap<String, String> parameters, String name) {
        String text = parameters.getFirst(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        for (java.util.function.Function<String, Instant> parser : List.<java.util.function.Function<String, Instant>>of(
                Instant::parse, t -> OffsetDateTime.parse(t).toInstant(),
                t -> LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            try {
                return parser.apply(trimmed);
            } catch (DateTimeException notThisForm) {
                // try the next form
            }
        }
        throw invalid(name + " '" + text + "' is not an ISO 8601 instant (2026-11-22T10:00:00Z) or date");
    }

    public static boolean bool(MultivaluedMap<String, String> parameters, String name) {
        String text = parameters.getFirst(name);
        if (text == null || text.isBlank()) {
            return false;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw invalid(name + " '" + text + "' is neither true nor false");
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter", detail));
    }
}
