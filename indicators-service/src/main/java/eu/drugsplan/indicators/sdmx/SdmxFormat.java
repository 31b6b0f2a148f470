package eu.drugsplan.indicators.sdmx;

import java.util.List;
import java.util.Locale;

/**
 * One message format the suite writes for a kind of SDMX query: its media type ({@code type/subtype}) and the one
 * version of the format written, the other media types that mean it ({@code application/xml}), and the names the
 * {@code format} query parameter accepts for it.
 */
public record SdmxFormat(String id, String type, String subtype, String version, List<String> aliases,
                         List<String> formatNames) {

    public SdmxFormat {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
        aliases = List.copyOf(aliases);
        formatNames = List.copyOf(formatNames);
    }

    /** The Content-Type of an answer in this format, with its version parameter. */
    public String contentType() {
        return type + "/" + subtype + "; version=" + version + "; charset=utf-8";
    }

    public String mediaType() {
        return type + "/" + subtype + ";version=" + version;
    }

    public boolean isJson() {
        return subtype.endsWith("json");
    }

    /**
     * SDMX-ML 2.1 Structure: the default for structure and availability queries of the 2.1 API. {@code sdmx-2.1}
     * is the name the Bank of Italy's connectors send to SDMX 3.0 providers for it.
     */
    public static final SdmxFormat STRUCTURE_ML_21 = new SdmxFormat("sdmx-ml-2.1-structure", "application",
            "vnd.sdmx.structure+xml", "2.1", List.of("application/xml", "text/xml"),
            List.of("sdmx-ml", "sdmx-ml-2.1", "xml", "structure", "sdmx-2.1"));
    /** SDMX-JSON 2.0.0 structure message (the SDMX 3.0 JSON format; SDMX-JSON 1.0 is not written). */
    public static final SdmxFormat STRUCTURE_JSON_20 = new SdmxFormat("sdmx-json-2.0-structure", "application",
            "vnd.sdmx.structure+json", "2.0.0", List.of("application/json"),
            List.of("sdmx-json", "sdmx-json-2.0", "json", "structure+json"));
}
