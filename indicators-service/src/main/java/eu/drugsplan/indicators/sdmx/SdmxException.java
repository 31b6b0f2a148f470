package eu.drugsplan.indicators.sdmx;

/**
 * A refusal of an SDMX query, answered by {@link SdmxErrors} as an SDMX error message (SDMX-ML 2.1 {@code Error}
 * or SDMX-JSON {@code errors}) with the HTTP status and SDMX error code of SDMX REST 1.5.0, "Error handling".
 */
public class SdmxException extends RuntimeException {

    /** HTTP status, SDMX error code and the code's title (SDMX REST 1.5.0 4.7; 406 has no SDMX code, so its own). */
    public enum Kind {
        NO_RESULTS(404, 100, "No results found"),
        SYNTAX(400, 140, "Syntax error"),
        NOT_ACCEPTABLE(406, 406, "Not acceptable"),
        TOO_LARGE(413, 130, "Response too large due to client request"),
        RESPONSE_LIMIT(413, 510, "Response size exceeds service limit"),
        INTERNAL(500, 500, "Internal server error"),
        NOT_IMPLEMENTED(501, 501, "Not implemented");

        private final int status;
        private final int code;
        private final String title;

        Kind(int status, int code, String title) {
            this.status = status;
            this.code = code;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public int code() {
            return code;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;

    public SdmxException(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public static SdmxException noResults(String detail) {
        return new SdmxException(Kind.NO_RESULTS, detail);
    }

    public static SdmxException syntax(String detail) {
        return new SdmxException(Kind.SYNTAX, detail);
    }

    public static SdmxException notAcceptable(String detail) {
        return new SdmxException(Kind.NOT_ACCEPTABLE, detail);
    }

    public static SdmxException tooLarge(String detail) {
        return new SdmxException(Kind.TOO_LARGE, detail);
    }

    public static SdmxException notImplemented(String detail) {
        return new SdmxException(Kind.NOT_IMPLEMENTED, detail);
    }
}
