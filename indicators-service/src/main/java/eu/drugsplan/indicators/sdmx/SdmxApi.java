package eu.drugsplan.indicators.sdmx;

import java.util.Optional;

/**
 * The two SDMX REST APIs the suite serves, under the base paths Eurostat uses: {@code /sdmx/2.1} for SDMX REST
 * 1.5.0 (the "SDMX 2.1 API" most clients speak) and {@code /sdmx/3.0} for SDMX REST 2.x (SDMX 3.0).
 */
public enum SdmxApi {
    V2_1("2.1"),
    V3_0("3.0");

    public static final String BASE = "/sdmx";

    private final String segment;

    SdmxApi(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    public String base() {
        return BASE + "/" + segment;
    }

    public static Optional<SdmxApi> ofSegment(String segment) {
        for (SdmxApi api : values()) {
            if (api.segment.equals(segment)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** The API a request path belongs to; 2.1 for anything else under /sdmx. */
    public static SdmxApi ofPath(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.startsWith(V3_0.base() + "/") || p.equals(V3_0.base()) ? V3_0 : V2_1;
    }
}
