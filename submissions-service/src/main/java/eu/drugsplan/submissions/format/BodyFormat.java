package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body formats of POST /api/v1/submissions, told apart by Content-Type. */
public enum BodyFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV("text/csv"),
    SDMX_CSV("application/vnd.sdmx.data+csv"),
    XLSX(BodyFormat.XLSX_TYPE),
    SDMX_ML(BodyFormat.SDMX_ML_TYPE);

    public static final String SDMX_CSV_TYPE = "application/vnd.sdmx.data+csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** SDMX-ML 2.1 structure-specific data, the media type of SDMX REST 1.5.0 (section "Content negotiation"). */
    public static final String SDMX_ML_TYPE = "application/vnd.sdmx.structurespecificdata+xml";

    private final String mediaType;

    BodyFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean isCsv() {
        return this == CSV || this == SDMX_CSV;
    }

    /** SDMX-CSV is accepted in version 2 only (no version parameter means the current one). */
    public static BodyFormat of(MediaType type) {
        for (BodyFormat format : values()) {
            if (type != null && MediaType.valueOf(format.mediaType).isCompatible(type)) {
                String version = type.getParameters().get("version");
                if (format == SDMX_CSV && version != null && !version.startsWith("2.")
                        || format == SDMX_ML && version != null && !version.equals("2.1")) {
                    break;
                }
                return format;
            }
        }
        throw new ProblemException(Problems.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Send application/json, text/csv, " + SDMX_CSV_TYPE + ";version=2.0.0, " + SDMX_ML_TYPE
                        + ";version=2.1 or " + XLSX_TYPE + "; got "
                        + type + "."));
    }
}
