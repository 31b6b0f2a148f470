package eu.drugsplan.submissions.format;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.submissions.service.Conflict;
import eu.drugsplan.submissions.service.ConflictCode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The STRUCTURE and STRUCTURE_ID cells of an SDMX-CSV 2.0 row, resolved to a measure of the catalogue.
 *
 * <p>STRUCTURE is {@code dataflow}, {@code datastructure} or {@code dataprovision} (the field guide's three
 * artefact types). STRUCTURE_ID is {@code AGENCY:ID(VERSION)}, {@code AGENCY:ID} (a non-versioned artefact, the
 * guide's note 1), a URN ending in either, or, as the suite's own exports wrote it before SDMX ids, the bare
 * measure code; with {@code labels=both} a name follows the version after ": ". ID is the measure code
 * ({@code PI09.DRUG_INDUCED_DEATHS}) or the measure's dataflow id by contracts' {@link SdmxIds}
 * ({@code PI09_DRUG_INDUCED_DEATHS}: a '.' is not allowed in an SDMX id); for a data structure also its DSD id
 * ({@code DSD_PI09_DRUG_INDUCED_DEATHS}). The SDMX id is looked up among the catalogue's codes, never turned back by string
 * surgery, so an id no measure has stays unknown. The agency and the version are not checked: every measure
 * has one structure, and the suite keeps one version of it.
 */
final class SdmxStructure {

    /** The artefact types of the STRUCTURE column. */
    enum Kind { DATAFLOW, DATASTRUCTURE, DATAPROVISION }

    // AGENCY:ID(VERSION): an agency id, an artefact id and a version; the label, if any, after the version
    private static final Pattern REFERENCE = Pattern.compile("(?:([^:()\\s]+):)?([^:()\\s]+)(?:\\(([^()\\s]*)\\))?");
    private static final Pattern LABELLED = Pattern.compile("(.*\\))\\s*: .*", Pattern.DOTALL);

    private final Map<String, String> measureBySdmxId = new HashMap<>();
    private final Set<String> measures;

    SdmxStructure(Set<String> measures) {
        this.measures = measures;
        for (String code : measures) {
            try {
                measureBySdmxId.putIfAbsent(SdmxIds.dataflowId(code), code);
            } catch (IllegalArgumentException e) {
                // a code with no SDMX id can still be named by the code itself
            }
        }
    }

    /** What a row's two structure cells name: the measure (a code for the validator to judge), or a refusal. */
    record Resolved(String measure, boolean labelled, Conflict refused) {
    }

    Resolved resolve(String line, String structure, String structureId) {
        Kind kind = kind(structure);
        if (kind == null) {
            return refused(line, "structure", ConflictCode.STRUCTURE_INVALID, structure);
        }
        if (kind == Kind.DATAPROVISION) {
            return refused(line, "structure", ConflictCode.STRUCTURE_UNSUPPORTED, structure + "," + structureId);
        }
        if (structureId == null) {
            return new Resolved(null, false, null);
        }
        String id = structureId.trim();
        Matcher labelled = LABELLED.matcher(id);
        boolean hasLabel = labelled.matches();
        if (hasLabel) {
            id = labelled.group(1).trim();
        }
        if (id.regionMatches(true, 0, "urn:", 0, 4)) {
            int equals = id.lastIndexOf('=');
            if (equals < 0) {
                return refused(line, "structure", ConflictCode.STRUCTURE_INVALID, structureId);
            }
            id = id.substring(equals + 1);
        }
        String artefact = id;
        if (id.indexOf(':') >= 0 || id.indexOf('(') >= 0) {
            Matcher reference = REFERENCE.matcher(id);
            if (!reference.matches()) {
                // not a reference: the validator reports it as the measure it then names
                return new Resolved(id, hasLabel, null);
            }
            artefact = reference.group(2);
        }
        return new Resolved(measure(kind, artefact), hasLabel, null);
    }

    private String measure(Kind kind, String artefact) {
        if (measures.contains(artefact)) {
            return artefact;
        }
        String code = measureBySdmxId.get(artefact);
        if (code == null && kind == Kind.DATASTRUCTURE && artefact.startsWith(SdmxIds.DSD_PREFIX)) {
            code = measureBySdmxId.get(artefact.substring(SdmxIds.DSD_PREFIX.length()));
        }
        return code == null ? artefact : code;
    }

    private static Kind kind(String structure) {
        if (structure == null) {
            return null;
        }
        return switch (structure.trim().toLowerCase(Locale.ROOT)) {
            case "dataflow" -> Kind.DATAFLOW;
            case "datastructure" -> Kind.DATASTRUCTURE;
            case "dataprovision" -> Kind.DATAPROVISION;
            default -> null;
        };
    }

    private static Resolved refused(String line, String field, ConflictCode code, String given) {
        return new Resolved(null, false, Conflict.of(line, field, code, given));
    }
}
