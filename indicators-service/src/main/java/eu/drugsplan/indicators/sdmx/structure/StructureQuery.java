package eu.drugsplan.indicators.sdmx.structure;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.sdmx.SdmxApi;
import eu.drugsplan.indicators.sdmx.SdmxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One structure query of SDMX REST, read from its path and parameters: the types asked for (one, or every type
 * for {@code structure} / {@code *}), agencies, ids and versions (each a list, or a wildcard), items of an item
 * scheme, {@code detail} and {@code references}.
 */
public record StructureQuery(SdmxApi api, Set<ArtefactType> types, List<String> agencies, List<String> ids,
                             List<String> versions, List<String> items, Detail detail, String references) {

    /** SDMX REST's detail values (1.5.0 and 2.x; raw is full here, as no code list extends another). */
    public enum Detail {
        FULL, ALLSTUBS, REFERENCESTUBS, REFERENCEPARTIAL, ALLCOMPLETESTUBS, REFERENCECOMPLETESTUBS, RAW;

        static Detail parse(String value, SdmxApi api) {
            if (value == null || value.isEmpty()) {
                return FULL;
            }
            try {
                Detail d = valueOf(value.toUpperCase(Locale.ROOT));
                if (d == RAW && api == SdmxApi.V2_1) {
                    throw new IllegalArgumentException();
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw SdmxException.syntax("detail=" + value + " is not one of full, allstubs, referencestubs, "
                        + "referencepartial, allcompletestubs, referencecompletestubs" + (api == SdmxApi.V3_0 ? ", raw" : "") + ".");
            }
        }
    }

    static final Set<String> REFERENCES = Set.of("none", "parents", "parentsandsiblings", "ancestors", "children",
            "descendants", "all");

    /** Reads a query from the path segments after the resource (agency, id, version, item), each possibly absent. */
    public static StructureQuery of(SdmxApi api, Set<ArtefactType> types, List<String> segments, String detail,
                                    String references) {
        List<String> parts = new ArrayList<>(segments);
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1); // a trailing '/' as some clients write it
        }
        if (parts.size() > 4) {
            throw SdmxException.syntax("A structure query has at most agency, id, version and item after the resource.");
        }
        String separator = api == SdmxApi.V2_1 ? "\\+" : ",";
        List<String> agencies = list(parts, 0, separator);
        List<String> ids = list(parts, 1, separator);
        // in 3.0 '+' is part of a version wildcard (1.0+.0), the separator is ','
        List<String> versions = parts.size() > 2 ? Arrays.asList(parts.get(2).split(api == SdmxApi.V2_1 ? "\\+" : ","))
                : List.of(api == SdmxApi.V2_1 ? "latest" : "~");
        List<String> items = list(parts, 3, separator);
        if (!items.isEmpty() && types.stream().noneMatch(ArtefactType::isItemScheme)) {
            throw SdmxException.syntax("An item id is allowed for item schemes only (codelist, conceptscheme, agencyscheme).");
        }
        for (String agency : agencies) {
            check(agency, SdmxIds.NCNAME_ID.pattern() + "(\\.[A-Za-z][A-Za-z0-9_\\-]*)*", "agency id");
        }
        for (String id : ids) {
            check(id, SdmxIds.ID.pattern(), "resource id");
        }
        for (String version : versions) {
            check(version, "all|latest|\\*|~|\\+|[0-9]+(\\+?\\.[0-9]+\\+?)*(-[A-Za-z0-9.\\-]+)?", "version");
        }
        String refs = references == null || references.isEmpty() ? "none" : references.toLowerCase(Locale.ROOT);
        for (String ref : refs.split(",")) {
            if (!REFERENCES.contains(ref) && !isTypeName(ref, api)) {
                throw SdmxException.syntax("references=" + references + " is not none, parents, parentsandsiblings, "
                        + "children, descendants, all or a structure type.");
            }
        }
        return new StructureQuery(api, types, agencies, ids, versions, items, Detail.parse(detail, api), refs);
    }

    /** Standard structure types the suite does not write: valid in references=, they add nothing. */
    static final Set<String> OTHER_TYPES = Set.of("metadatastructure", "categoryscheme", "hierarchicalcodelist",
            "organisationscheme", "dataproviderscheme", "dataconsumerscheme", "organisationunitscheme", "metadataflow",
            "reportingtaxonomy", "provisionagreement", "structureset", "process", "categorisation", "actualconstraint",
            "allowedconstraint", "attachmentconstraint", "transformationscheme", "rulesetscheme",
            "userdefinedoperatorscheme", "customtypescheme", "namepersonalisationscheme", "vtlmappingscheme",
            "hierarchy", "hierarchyassociation", "valuelist", "metadataproviderscheme", "metadataprovisionagreement",
            "structuremap", "representationmap", "conceptschememap", "categoryschememap", "organisationschememap",
            "reportingtaxonomymap", "metadataconstraint");

    private static boolean isTypeName(String name, SdmxApi api) {
        return OTHER_TYPES.contains(name) || ArtefactType.ofResource(name, api == SdmxApi.V3_0).isPresent()
                || ArtefactType.ofResource(name, api != SdmxApi.V3_0).isPresent();
    }

    private static List<String> list(List<String> parts, int index, String separator) {
        if (parts.size() <= index) {
            return List.of();
        }
        String value = parts.get(index);
        if (value.equals("all") || value.equals("*") || value.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(value.split(separator, -1));
    }

    private static void check(String value, String pattern, String what) {
        if (!value.matches(pattern)) {
            throw SdmxException.syntax("'" + value + "' is not a valid " + what + " in an SDMX structure query.");
        }
    }

    public static Set<ArtefactType> allTypes() {
        return EnumSet.allOf(ArtefactType.class);
    }
}
