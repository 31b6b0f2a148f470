package eu.drugsplan.contracts.sdmx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule that names the suite's structures in SDMX (issue 15). The catalogue keeps its own measure codes
 * for the suite's own API ({@code PI09.DRUG_INDUCED_DEATHS}); SDMX does not allow a '.' in an identifier (it
 * separates the parts of a nested id and of a series key), so a client would split such a code and every URN
 * naming it would be invalid. Every SDMX view of a measure (dataflows, data structures, URNs, SDMX-CSV's
 * STRUCTURE_ID, intake of SDMX messages) takes its ids from here.
 * <ul>
 *   <li>agency: {@value #AGENCY}, maintainer of every structure the suite writes;</li>
 *   <li>dataflow: the measure code with every character an SDMX id does not allow replaced by '_'
 *       ({@code PI09.DRUG_INDUCED_DEATHS} gives {@code PI09_DRUG_INDUCED_DEATHS});</li>
 *   <li>data structure definition: {@code DSD_} and the dataflow id;</li>
 *   <li>content constraint (what data exists): {@code CR_} and the dataflow id;</li>
 *   <li>code list: {@code CL_} and the dimension's (catalogue code list's) id, {@code CL_REF_AREA};</li>
 *   <li>concept scheme: {@value #CONCEPT_SCHEME}; agency scheme: SDMX's fixed {@value #AGENCY_SCHEME};</li>
 *   <li>versions: {@value #VERSION} in SDMX 2.1 messages, {@value #SEMANTIC_VERSION} in SDMX 3.0 ones; the
 *       structures change only with the catalogue's migrations, which so far never re-define a measure.</li>
 * </ul>
 * The reverse (dataflow id to measure) is a look-up in the catalogue ({@link #measuresByDataflow}), never a
 * string reversal: {@code PI09_DRUG_INDUCED_DEATHS} cannot tell which '_' was a '.'. Two measure codes that
 * would give one dataflow id are refused.
 */
public final class SdmxIds {

    /** The suite's maintenance agency (an SDMX NCNameIDType, so valid in SDMX-ML 2.1 and 3.0 alike). */
    public static final String AGENCY = "DRUGS_PLAN";
    public static final String AGENCY_NAME = "EU Action Plan on Drugs 2021-2025 monitoring suite";
    /** The id SDMX fixes for every agency's agency scheme. */
    public static final String AGENCY_SCHEME = "AGENCIES";
    /** The version SDMX fixes for agency schemes. */
    public static final String AGENCY_SCHEME_VERSION = "1.0";
    public static final String CONCEPT_SCHEME = "CS_DRUGS_PLAN";
    public static final String VERSION = "1.0";
    public static final String SEMANTIC_VERSION = "1.0.0";
    /** SDMX's maintenance agency, which maintains the root agency scheme that lists {@link #AGENCY}. */
    public static final String SDMX_AGENCY = "SDMX";

    /** common:IDType of the SDMX-ML 2.1 schemas (SDMXCommonReferences.xsd). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_@$\\-]+");
    /** common:NCNameIDType: ids of components, concepts and agencies. */
    public static final Pattern NCNAME_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");
    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9_@$\\-]");

    public static final String DSD_PREFIX = "DSD_";
    public static final String CONSTRAINT_PREFIX = "CR_";
    public static final String CODELIST_PREFIX = "CL_";

    private SdmxIds() {
    }

    /** The dataflow id of a catalogue measure code. */
    public static String dataflowId(String measureCode) {
        if (measureCode == null || measureCode.isEmpty()) {
            throw new IllegalArgumentException("a measure code is required");
        }
        String id = NOT_ID.matcher(measureCode).replaceAll("_");
        if (!NCNAME_ID.matcher(id).matches()) {
            // dataflow ids are IDType, but an NCName also works as an XML element name and in every client
            throw new IllegalArgumentException("measure code " + measureCode + " gives " + id
                    + ", which does not start with a letter");
        }
        return id;
    }

    public static String dataStructureId(String measureCode) {
        return DSD_PREFIX + dataflowId(measureCode);
    }

    public static String constraintId(String measureCode) {
        return CONSTRAINT_PREFIX + dataflowId(measureCode);
    }

    /** The code list id of a dimension or coded attribute, given the catalogue's code list id. */
    public static String codelistId(String catalogueCodelist) {
        if (catalogueCodelist == null || !NCNAME_ID.matcher(catalogueCodelist).matches()) {
            throw new IllegalArgumentException("not an SDMX id: " + catalogueCodelist);
        }
        return CODELIST_PREFIX + catalogueCodelist;
    }

    /** The catalogue's code list id of an SDMX code list id, if it is one of ours by its form. */
    public static Optional<String> catalogueCodelist(String codelistId) {
        return codelistId != null && codelistId.startsWith(CODELIST_PREFIX) && codelistId.length() > CODELIST_PREFIX.length()
                ? Optional.of(codelistId.substring(CODELIST_PREFIX.length()))
                : Optional.empty();
    }

    /** Whether a version asked for names the one version of the suite's structures, in SDMX 2.1 or 3.0 form. */
    public static boolean isOurVersion(String version) {
        return VERSION.equals(version) || SEMANTIC_VERSION.equals(version);
    }

    /**
     * The measure of each dataflow id, in the order the codes are given: the catalogue look-up that reverses
     * {@link #dataflowId}. Two codes that map to one id are refused (an IllegalStateException naming both),
     * since a query for that dataflow could not tell them apart.
     */
    public static Map<String, String> measuresByDataflow(Iterable<String> measureCodes) {
        Map<String, String> byFlow = new LinkedHashMap<>();
        for (String code : measureCodes) {
            String flow = dataflowId(code);
            String earlier = byFlow.putIfAbsent(flow, code);
            if (earlier != null && !earlier.equals(code)) {
                throw new IllegalStateException("measures " + earlier + " and " + code
                        + " would both be dataflow " + flow + "; rename one in the catalogue");
            }
        }
        return Collections.unmodifiableMap(byFlow);
    }

    /** An SDMX URN, e.g. {@code urn(Urn.DATAFLOW, "PI09_DRUG_INDUCED_DEATHS", "1.0")}. */
    public static String urn(String packageAndClass, String id, String version) {
        return "urn:sdmx:org.sdmx.infomodel." + packageAndClass + "=" + AGENCY + ":" + id + "(" + version + ")";
    }

    /** The package and class parts of URNs for the structures the suite writes. */
    public static final class Urn {
        public static final String DATAFLOW = "datastructure.Dataflow";
        public static final String DATA_STRUCTURE = "datastructure.DataStructure";
        public static final String CODELIST = "codelist.Codelist";
        public static final String CONCEPT_SCHEME = "conceptscheme.ConceptScheme";
        public static final String CONTENT_CONSTRAINT = "registry.ContentConstraint";

        private Urn() {
        }
    }
}
