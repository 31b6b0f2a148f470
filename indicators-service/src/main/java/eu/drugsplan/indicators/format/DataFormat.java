package eu.drugsplan.indicators.format;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The data formats and the media types (with the SDMX {@code version} parameter) they are asked for by.
 * A media type naming a version this service does not write is not acceptable: answering SDMX-CSV 2.0.0 to a
 * client that asked for 1.0.0 would be a 200 in a form it did not ask for.
 */
public enum DataFormat {
    JSON("application", "json", null),
    CSV("text", "csv", null),
    SDMX_CSV("application", "vnd.sdmx.data+csv", "2.0.0"),
    SDMX_JSON("application", "vnd.sdmx.data+json", "2.0.0"),
    GENERIC_DATA("application", "vnd.sdmx.genericdata+xml", "2.1"),
    STRUCTURE_SPECIFIC_DATA("application", "vnd.sdmx.structurespecificdata+xml", "2.1"),
    GENERIC_TIME_SERIES_DATA("application", "vnd.sdmx.generictimeseriesdata+xml", "2.1"),
    STRUCTURE_SPECIFIC_TIME_SERIES_DATA("application", "vnd.sdmx.structurespecifictimeseriesdata+xml", "2.1");

    private final MediaType mediaType;
    private final String version;

    DataFormat(String type, String subtype, String version) {
        this.mediaType = version == null ? new MediaType(type, subtype) : new MediaType(type, subtype, Map.of("version", version));
        this.version = version;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The SDMX format version written, null for the suite's own JSON and CSV. */
    public String version() {
        return version;
    }

    /**
     * Whether the format groups observations into data sets by action (and, with history, by dissemination):
     * SDMX-JSON and SDMX-ML, whose deletions are a Delete data set rather than a flag on a row.
     */
    public boolean groupsDataSets() {
        return this == SDMX_JSON || isSdmxMl();
    }

    public boolean isSdmxMl() {
        return mediaType.getSubtype().endsWith("+xml");
    }

    /** The chosen format with the parameters of the media type the client asked for it by. */
    public record Negotiated(DataFormat format, Map<String, String> parameters) {
        public Negotiated {
            parameters = Map.copyOf(parameters);
        }

        public String parameter(String name) {
            return parameters.get(name);
        }
    }

    /** The first acceptable format in the client's order of preference; JSON when the client names none. */
    public static Optional<Negotiated> negotiate(List<MediaType> acceptable) {
        return negotiate(acceptable, JSON);
    }

    /**
     * The first acceptable format, in the client's order of preference (JAX-RS sorts by quality); {@code
     * preferred} for an absent Accept or a wildcard. Under SDMX REST (a preferred format other than the suite's
     * JSON) {@code application/xml} is the SDMX-ML format it names as the default, GenericData 2.1; the suite's own
     * data API keeps refusing plain XML. Empty when the client accepts none of them.
     */
    public static Optional<Negotiated> negotiate(List<MediaType> acceptable, DataFormat preferred) {
        if (acceptable.isEmpty()) {
            return Optional.of(new Negotiated(preferred, Map.of()));
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType() || (accepted.isWildcardSubtype() && preferred.mediaType.getType().equals(accepted.getType()))) {
                return Optional.of(new Negotiated(preferred, Map.of()));
            }
            if (preferred != JSON && (accepted.isCompatible(MediaType.APPLICATION_XML_TYPE)
                    || accepted.isCompatible(MediaType.TEXT_XML_TYPE))) {
                return Optional.of(new Negotiated(GENERIC_DATA, Map.of()));
            }
            for (DataFormat format : values()) {
                if (format.mediaType.getType().equalsIgnoreCase(accepted.getType())
                        && format.mediaType.getSubtype().equalsIgnoreCase(accepted.getSubtype())
                        && format.writes(accepted.getParameters().get("version"))) {
                    return Optional.of(new Negotiated(format, lowerCaseNames(accepted.getParameters())));
                }
            }
        }
        return Optional.empty();
    }

    /** The format by the name of SDMX REST's {@code format} query parameter (or a media type given there). */
    public static Optional<DataFormat> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "json" -> Optional.of(JSON);
            case "csv" -> Optional.of(CSV);
            case "sdmx-csv", "csvfile", "sdmx-csv-2.0.0" -> Optional.of(SDMX_CSV);
            case "sdmx-json", "jsondata", "sdmx-json-2.0.0" -> Optional.of(SDMX_JSON);
            case "genericdata" -> Optional.of(GENERIC_DATA);
            case "structurespecificdata" -> Optional.of(STRUCTURE_SPECIFIC_DATA);
            case "generictimeseriesdata" -> Optional.of(GENERIC_TIME_SERIES_DATA);
            case "structurespecifictimeseriesdata" -> Optional.of(STRUCTURE_SPECIFIC_TIME_SERIES_DATA);
            default -> {
                try {
                    yield negotiate(List.of(MediaType.valueOf(name.trim())), JSON)
                            .filter(chosen -> name.contains("/")).map(Negotiated::format);
                } catch (IllegalArgumentException notAMediaType) {
                    yield Optional.empty();
                }
            }
        };
    }

    /**
     * Whether this format is what a requested version asks for: absent, the same (2.0.0 is also 2.0 and 2), or
     * an SDMX semantic-versioning wildcard such as {@code 2.0.0+} or {@code 2+.0.0}, where a {@code +} part
     * accepts that number or a later one.
     */
    boolean writes(String requested) {
        if (requested == null || version == null) {
            return version == null ? requested == null : true;
        }
        String[] want = requested.trim().split("\\.");
        String[] have = version.split("\\.");
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "0";
            int h = i < have.length ? Integer.parseInt(have[i]) : 0;
            boolean orLater = w.endsWith("+");
            String digits = orLater ? w.substring(0, w.length() - 1) : w;
            if (!digits.matches("[0-9]{1,6}")) {
                return false;
            }
            int n = Integer.parseInt(digits);
            if (orLater ? h < n : h != n) {
                return false;
            }
            if (orLater && h > n) {
                return true;
            }
        }
        return true;
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> parameters) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        parameters.forEach((name, value) -> names.put(name.toLowerCase(Locale.ROOT), value));
        return names;
    }
}
