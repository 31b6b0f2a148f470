package eu.drugsplan.indicators.format;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** The data formats, chosen by the request's {@code Accept} header; JSON when it names none in particular. */
public enum DataFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE),
    CSV(new MediaType("text", "csv")),
    SDMX_CSV(new MediaType("application", "vnd.sdmx.data+csv", java.util.Map.of("version", "2.0.0"))),
    SDMX_JSON(new MediaType("application", "vnd.sdmx.data+json", java.util.Map.of("version", "2.0.0")));

    private final MediaType mediaType;

    DataFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * The first acceptable format, in the client's order of preference (JAX-RS sorts by quality).
     * Empty when the client accepts none of them.
     */
    public static Optional<DataFormat> negotiate(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return Optional.of(JSON);
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType() || (accepted.isWildcardSubtype() && "application".equals(accepted.getType()))) {
                return Optional.of(JSON);
            }
            for (DataFormat format : values()) {
                if (format.mediaType.getType().equalsIgnoreCase(accepted.getType())
                        && format.mediaType.getSubtype().equalsIgnoreCase(accepted.getSubtype())) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
