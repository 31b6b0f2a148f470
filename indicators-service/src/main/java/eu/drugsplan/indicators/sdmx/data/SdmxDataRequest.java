package eu.drugsplan.indicators.sdmx.data;

import eu.drugsplan.indicators.sdmx.SdmxException;
import eu.drugsplan.indicators.format.DataLayout;
import eu.drugsplan.indicators.rest.CatalogueViews.MeasureView;
import eu.drugsplan.indicators.rest.DataRequests;
import eu.drugsplan.indicators.service.DataQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SDMX REST data query (1.5.0 or 2.x) into a {@link DataQuery} and a {@link DataLayout}. The key has one
 * part per dimension (REF_AREA, then the measure's dimensions), {@code .}-separated; a part is empty or {@code *}
 * for all, or codes joined by {@code +} (1.5.0) or {@code ,} (2.x). What the specification defines but the
 * suite does not do is a 501, what it does not define a 400.
 */
final class SdmxDataRequest {

    static final Set<String> PARAMETERS_21 = Set.of("startPeriod", "endPeriod", "updatedAfter",
            "firstNObservations", "lastNObservations", "dimensionAtObservation", "detail", "includeHistory", "format",
            "asOf");
    /** 2.x's own, and detail, startPeriod and endPeriod of 1.5.0, which 2.x clients still send. */
    static final Set<String> PARAMETERS_30 = Set.of("updatedAfter", "firstNObservations",
            "lastNObservations", "dimensionAtObservation", "attributes", "measures", "includeHistory", "asOf",
            "format", "startPeriod", "endPeriod", "detail");
    private static final String REF_AREA = "REF_AREA";
    private static final Pattern COMPONENT_FILTER = Pattern.compile("c\\[([A-Za-z][A-Za-z0-9_-]*)]");
    private static final Pattern TIME_CONDITION = Pattern.compile("(ge|gt|le|lt|eq):(.+)");

    private SdmxDataRequest() {
    }

    record Parsed(DataQuery query, DataLayout layout) {
    }

    static Parsed parse(MeasureView measure, String key, MultivaluedMap<String, String> parameters, boolean v3,
                        DataRequests.Limits limits) {
        checkNames(parameters, v3);
        Selection selection = new Selection(measure, limits);
        selection.start = DataRequests.period(parameters, "startPeriod").map(PeriodIntervals.Interval::start).orElse(null);
        selection.end = DataRequests.period(parameters, "endPeriod").map(PeriodIntervals.Interval::end).orElse(null);
        selection.readKey(key, v3);
        if (v3) {
            selection.readFilters(parameters);
        }
        Integer firstN = observationCount(parameters, "firstNObservations", limits);
        Integer lastN = observationCount(parameters, "lastNObservations", limits);
        DataLayout layout = DataLayout.DEFAULT.with(atObservation(parameters, selection.order),
                v3 ? detail30(parameters) : detail21(parameters));
        Map<String, Set<String>> dimensions = new HashMap<>(selection.codes);
        Set<String> areas = dimensions.remove(REF_AREA);
        DataQuery query = new DataQuery(measure.code(), measure.dimensions(), areas, dimensions, selection.start,
                selection.end, firstN, lastN, DataRequests.instant(parameters, "updatedAfter"),
                DataRequests.instant(parameters, "asOf"), DataRequests.bool(parameters, "includeHistory"), true,
                layout.crossSection());
        return new Parsed(query, layout);
    }

    private static void checkNames(MultivaluedMap<String, String> parameters, boolean v3) {
        Set<String> known = v3 ? PARAMETERS_30 : PARAMETERS_21;
        for (String name : parameters.keySet()) {
            if (v3 && COMPONENT_FILTER.matcher(name).matches()) {
                continue;
            }
            if (!known.contains(name)) {
                throw DataRequests.invalid("Unknown parameter '" + name + "'; an SDMX REST " + (v3 ? "2.x" : "1.5.0")
                        + " data query takes " + String.join(", ", known) + (v3 ? " and c[COMPONENT] filters" : ""));
            }
        }
    }

    private static Integer observationCount(MultivaluedMap<String, String> parameters, String name,
                                            DataRequests.Limits limits) {
        Integer n = DataRequests.positive(parameters, name);
        if (n != null && n > limits.maxLastObservations()) {
            throw DataRequests.invalid("firstNObservations and lastNObservations may be at most "
                    + limits.maxLastObservations());
        }
        return n;
    }

    /** What the key and the 2.x filters select: codes per dimension (REF_AREA first) and the time range. */
    private static final class Selection {

        private final MeasureView measure;
        private final DataRequests.Limits limits;
        private final List<String> order = new ArrayList<>();
        private final Map<String, Set<String>> codes = new HashMap<>();
        private LocalDate start;
        private LocalDate end;

        Selection(MeasureView measure, DataRequests.Limits limits) {
            this.measure = measure;
            this.limits = limits;
            order.add(REF_AREA);
            order.addAll(measure.dimensions());
            order.forEach(d -> codes.put(d, Set.of()));
        }

        void readKey(String key, boolean v3) {
            if (key == null || key.isEmpty() || key.equals("all") || key.equals("*")) {
                return;
            }
            String[] parts = key.split(Pattern.quote("."), -1);
            if (parts.length != order.size()) {
                throw DataRequests.invalid("The key '" + key + "' has " + parts.length + " parts; "
                        + measure.code() + " has " + order.size() + " dimensions: " + String.join(".", order));
            }
            for (int i = 0; i < parts.length; i++) {
                // 2.x keys separate alternatives with ','; 1.5.0 with '+', which some 2.x clients still send
                String part = v3 ? parts[i].replace('+', ',') : parts[i];
                codes.put(order.get(i), DataRequests.codes(order.get(i), part, v3 ? "," : "+", limits));
            }
        }

        void readFilters(MultivaluedMap<String, String> parameters) {
            for (Map.Entry<String, List<String>> filter : parameters.entrySet()) {
                Matcher component = COMPONENT_FILTER.matcher(filter.getKey());
                if (!component.matches()) {
                    continue;
                }
                String id = component.group(1);
                String value = filter.getValue().get(0);
                if (id.equals(DataLayout.TIME_PERIOD)) {
                    readTimeConditions(value);
                } else {
                    readCodeFilter(id, value);
                }
            }
        }

        /** '+' joins the conditions; a client that did not percent-encode it sends a space. */
        private void readTimeConditions(String value) {
            for (String condition : value.split("[+ ]")) {
                Matcher time = TIME_CONDITION.matcher(condition);
                if (!time.matches()) {
                    throw notImplemented("c[TIME_PERIOD] takes ge:, gt:, le:, lt: or eq: periods joined by '+'; '"
                            + condition + "' is not served");
                }
                PeriodIntervals.Interval interval = PeriodIntervals.of(time.group(2)).orElseThrow(() ->
                        DataRequests.invalid("'" + time.group(2) + "' in c[TIME_PERIOD] is not a period"));
                switch (time.group(1)) {
                    case "ge" -> start = interval.start();
                    case "gt" -> start = interval.end().plusDays(1);
                    case "le" -> end = interval.end();
                    case "lt" -> end = interval.start().minusDays(1);
                    default -> {
                        start = interval.start();
                        end = interval.end();
                    }
                }
            }
        }

        private void readCodeFilter(String id, String value) {
            if (!order.contains(id)) {
                throw DataRequests.invalid("c[" + id + "]: " + measure.code() + " has no dimension " + id
                        + "; its dimensions are " + String.join(", ", order));
            }
            if (value.contains(":")) {
                throw notImplemented("c[" + id + "] with an operator is not served; list codes separated by ','");
            }
            codes.put(id, restrict(id, codes.get(id), DataRequests.codes(id, value, ",", limits)));
        }
    }

    private static Set<String> restrict(String id, Set<String> fromKey, Set<String> fromFilter) {
        if (!fromKey.isEmpty() && !fromFilter.isEmpty()) {
            throw DataRequests.invalid(id + " is restricted both by the key and by c[" + id + "]; use one of them");
        }
        return fromKey.isEmpty() ? fromFilter : fromKey;
    }

    private static String atObservation(MultivaluedMap<String, String> parameters, List<String> order) {
        String at = parameters.getFirst("dimensionAtObservation");
        if (at == null || at.isBlank() || at.equals(DataLayout.TIME_PERIOD)) {
            return DataLayout.TIME_PERIOD;
        }
        if (at.equals(DataLayout.ALL_DIMENSIONS)) {
            return DataLayout.ALL_DIMENSIONS;
        }
        if (order.contains(at)) {
            return at;
        }
        throw DataRequests.invalid("dimensionAtObservation '" + at + "' is none of TIME_PERIOD, AllDimensions or the "
                + "dimensions " + String.join(", ", order));
    }

    private static DataLayout.Detail detail21(MultivaluedMap<String, String> parameters) {
        String detail = parameters.getFirst("detail");
        if (detail == null || detail.isBlank()) {
            return DataLayout.Detail.FULL;
        }
        try {
            return DataLayout.Detail.of(detail);
        } catch (IllegalArgumentException e) {
            throw DataRequests.invalid(e.getMessage());
        }
    }

    /**
     * 2.x says what to return by attributes= and measures=: no measures is the series without observations
     * (with attributes: nodata; without: serieskeysonly), no attributes is dataonly. Any other value (dsd, msd,
     * dataset, series, obs, all or ids) returns every attribute the store keeps: OBS_STATUS and OBS_COMMENT.
     * 1.5.0's detail= is read too.
     */
    private static DataLayout.Detail detail30(MultivaluedMap<String, String> parameters) {
        if (parameters.containsKey("detail")) {
            // the Bank of Italy's connectors ask an SDMX 3.0 provider for series keys with 1.5.0's detail= (a 400
            // here before); it says the same as attributes= and measures=, so one of the two ways only
            if (parameters.containsKey("attributes") || parameters.containsKey("measures")) {
                throw DataRequests.invalid("detail is 1.5.0's way of saying attributes and measures; use one of them");
            }
            return detail21(parameters);
        }
        boolean noAttributes = "none".equals(lower(parameters.getFirst("attributes")));
        boolean noMeasures = "none".equals(lower(parameters.getFirst("measures")));
        if (noMeasures) {
            return noAttributes ? DataLayout.Detail.SERIESKEYSONLY : DataLayout.Detail.NODATA;
        }
        return noAttributes ? DataLayout.Detail.DATAONLY : DataLayout.Detail.FULL;
    }

    private static String lower(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }

    static SdmxException notImplemented(String detail) {
        return SdmxException.notImplemented(detail);
    }
}
