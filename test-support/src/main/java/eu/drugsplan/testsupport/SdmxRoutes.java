package eu.drugsplan.testsupport;

import java.util.Locale;

/**
 * The SDMX REST routes of the public OpenAPI document (/sdmx/2.1 and /sdmx/3.0, in SDMX REST's own path templates)
 * as the tests that walk the document fill and judge them: concrete values an SDMX client would send (agency
 * {@code DRUGS_PLAN}, but {@code SDMX} as the agency scheme's maintainer; the ids of docs/sdmx.md; an area that is
 * a catalogue reporter code), and what an SDMX route answers when it refuses: an SDMX error message, never a
 * problem document.
 */
public final class SdmxRoutes {

    /** The dataflow of PI09.DRUG_INDUCED_DEATHS, whose key is REF_AREA.SEX.AGE. */
    public static final String FLOW = "PI09_DRUG_INDUCED_DEATHS";

    private SdmxRoutes() {
    }

    public static boolean isSdmx(String path) {
        return path.startsWith("/sdmx/");
    }

    /**
     * A template of the document filled with values valid for it; {@code area} is the key's REF_AREA, a reporter
     * code of the catalogue ({@code EL} for Greece, not {@code GR}).
     */
    public static String concrete(String template, String area) {
        boolean v3 = template.startsWith("/sdmx/3.0/");
        String type = template.contains("{structureType}") ? "dataflow"
                : template.contains("{itemSchemeType}") ? "codelist" : resource(template);
        return template.replace("{structureType}", type).replace("{itemSchemeType}", type)
                .replace("{context}", "dataflow")
                .replace("{agencyID}", type.equals("agencyscheme") ? "SDMX" : "DRUGS_PLAN")
                .replace("{resourceID}", resourceId(type))
                .replace("{version}", v3 ? "1.0.0" : "1.0")
                .replace("{itemID}", switch (type) {
                    case "conceptscheme" -> "SEX";
                    case "agencyscheme" -> "DRUGS_PLAN";
                    default -> "M";
                })
                .replace("{flow}", FLOW).replace("{provider}", "all")
                .replace("{key}", area + ".M.TOTAL").replace("{componentID}", "SEX");
    }

    /** The resource segment of a template: {@code dataflow} of /sdmx/2.1/dataflow/..., {@code data} of /sdmx/3.0/data/... */
    private static String resource(String template) {
        String[] segments = template.split("/");
        return segments.length > 3 ? segments[3] : "";
    }

    private static String resourceId(String type) {
        return switch (type) {
            case "datastructure" -> "DSD_" + FLOW;
            case "codelist" -> "CL_SEX";
            case "conceptscheme" -> "CS_DRUGS_PLAN";
            case "agencyscheme" -> "AGENCIES";
            case "contentconstraint", "actualconstraint", "allowedconstraint", "dataconstraint" -> "CR_" + FLOW;
            case "structure" -> "all";
            default -> FLOW;
        };
    }

    /**
     * Whether an answer is an SDMX error message: SDMX-ML 2.1 {@code Error} ({@code application/xml}) or SDMX-JSON
     * with {@code errors} ({@code application/json}).
     */
    public static boolean isSdmxError(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/xml")) {
            return body.contains("<message:Error") && body.contains("ErrorMessage");
        }
        return type.startsWith("application/json") && body.contains("\"errors\"") && body.contains("\"code\"");
    }
}
