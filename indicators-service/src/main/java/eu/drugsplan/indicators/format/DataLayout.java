package eu.drugsplan.indicators.format;

import java.util.Locale;
import java.util.Map;

/**
 * How a data message is laid out, beyond its format: SDMX-CSV's media-type options ({@code labels},
 * {@code timeFormat}, {@code keys}) and SDMX REST's {@code dimensionAtObservation} and {@code detail}.
 *
 * @param atObservation {@link #TIME_PERIOD} (time series, the default), {@link #ALL_DIMENSIONS} (flat) or one of
 *                      the key's dimensions (a cross-section: series by the other dimensions and the period)
 */
public record DataLayout(Labels labels, boolean normalizedTime, boolean seriesKeys, boolean observationKeys,
                         String atObservation, Detail detail) {

    public static final String TIME_PERIOD = "TIME_PERIOD";
    public static final String ALL_DIMENSIONS = "AllDimensions";
    public static final DataLayout DEFAULT = new DataLayout(Labels.ID, false, false, false, TIME_PERIOD, Detail.FULL);

    /** SDMX-CSV's labels option: ids only, names in a column of their own after each id, or "id: name". */
    public enum Labels { ID, NAME, BOTH }

    /** SDMX REST's detail parameter. */
    public enum Detail {
        FULL, DATAONLY, SERIESKEYSONLY, NODATA;

        public boolean observations() {
            return this == FULL || this == DATAONLY;
        }

        public boolean attributes() {
            return this == FULL || this == NODATA;
        }

        public static Detail of(String text) {
            for (Detail detail : values()) {
                if (detail.name().equalsIgnoreCase(text.trim())) {
                    return detail;
                }
            }
            throw new IllegalArgumentException("detail '" + text + "' is none of full, dataonly, serieskeysonly, nodata");
        }
    }

    public boolean flat() {
        return ALL_DIMENSIONS.equals(atObservation);
    }

    public boolean timeSeries() {
        return TIME_PERIOD.equals(atObservation);
    }

    /** The dimension at observation of a cross-sectional layout, null for time series and flat layouts. */
    public String crossSection() {
        return timeSeries() || flat() ? null : atObservation;
    }

    public DataLayout with(String newAtObservation, Detail newDetail) {
        return new DataLayout(labels, normalizedTime, seriesKeys, observationKeys, newAtObservation, newDetail);
    }

    /**
     * The SDMX-CSV options of the Accept media type ({@code keys} is also read as {@code key}, the field guide's
     * examples spell it so). A value the field guide does not define is refused: the client would otherwise get
     * a 200 in a form it did not ask for.
     *
     * @throws IllegalArgumentException naming the option and its allowed values
     */
    public static DataLayout ofCsvOptions(Map<String, String> parameters) {
        Labels labels = switch (option(parameters, "labels", "id")) {
            case "id" -> Labels.ID;
            case "name" -> Labels.NAME;
            case "both" -> Labels.BOTH;
            default -> throw new IllegalArgumentException("labels must be id, name or both");
        };
        boolean normalized = switch (option(parameters, "timeformat", "original")) {
            case "original" -> false;
            case "normalized" -> true;
            default -> throw new IllegalArgumentException("timeFormat must be original or normalized");
        };
        String keys = option(parameters, "keys", option(parameters, "key", "none"));
        if (!keys.matches("none|obs|series|both")) {
            throw new IllegalArgumentException("keys must be none, obs, series or both");
        }
        return new DataLayout(labels, normalized, keys.equals("series") || keys.equals("both"),
                keys.equals("obs") || keys.equals("both"), TIME_PERIOD, Detail.FULL);
    }

    /** Whether a media type carries SDMX-CSV options at all. */
    public static boolean hasCsvOptions(Map<String, String> parameters) {
        return parameters.containsKey("labels") || parameters.containsKey("timeformat")
                || parameters.containsKey("keys") || parameters.containsKey("key");
    }

    private static String option(Map<String, String> parameters, String name, String fallback) {
        String value = parameters.get(name);
        return value == null ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }
}
