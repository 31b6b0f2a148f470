package eu.drugsplan.submissions.format;

import eu.drugsplan.contracts.series.TextLimits;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The structures an SDMX-ML 2.1 message's Header names ({@code message:Structure structureID="..."}), each resolved
 * to a measure of the catalogue the way SDMX-CSV's STRUCTURE and STRUCTURE_ID are ({@link SdmxStructure}): a
 * {@code common:Structure} is a data structure, a {@code common:StructureUsage} a dataflow and a
 * {@code common:ProvisionAgreement} a data provision, referenced by {@code Ref} (agencyID, id, version) or by
 * {@code URN}. Every DataSet names one of them in {@code ss:structureRef}.
 */
final class SdmxMlHeader {

    private final Map<String, SdmxStructure.Resolved> structures = new HashMap<>();

    private SdmxMlHeader() {
    }

    /** Reads from the Header's start element to its end; the reader is left on the Header's end element. */
    static SdmxMlHeader read(XMLStreamReader xml, SdmxStructure catalogue) throws XMLStreamException {
        SdmxMlHeader header = new SdmxMlHeader();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (xml.getLocalName().equals("Structure") && SdmxMl.MESSAGE.equals(xml.getNamespaceURI())) {
                    header.structure(xml, catalogue);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return header;
    }

    /** The measure a DataSet's structureRef names, or null when the Header has no structure of that id. */
    SdmxStructure.Resolved structure(String structureId) {
        return structureId == null ? null : structures.get(structureId);
    }

    boolean isEmpty() {
        return structures.isEmpty();
    }

    private void structure(XMLStreamReader xml, SdmxStructure catalogue) throws XMLStreamException {
        String id = xml.getAttributeValue(null, "structureID");
        String pointer = "/Header/Structure[@structureID='" + TextLimits.clean(String.valueOf(id), TextLimits.CODE) + "']";
        String kind = null;
        String reference = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (depth == 2) {
                    kind = kind(name);
                } else if (name.equals("Ref")) {
                    reference = reference(xml);
                } else if (name.equals("URN")) {
                    reference = xml.getElementText().trim();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (id != null) {
            structures.put(id, catalogue.resolve(pointer, kind == null ? "" : kind, reference));
        }
    }

    private static String kind(String element) {
        return switch (element) {
            case "Structure" -> "datastructure";
            case "StructureUsage" -> "dataflow";
            case "ProvisionAgreement" -> "dataprovision";
            default -> element.toLowerCase(Locale.ROOT);
        };
    }

    /** A Ref as SDMX-CSV writes a reference: AGENCY:ID(VERSION), the parts the Ref gives. */
    private static String reference(XMLStreamReader xml) {
        String agency = xml.getAttributeValue(null, "agencyID");
        String id = xml.getAttributeValue(null, "id");
        String version = xml.getAttributeValue(null, "version");
        if (id == null) {
            return null;
        }
        return (agency == null ? "" : agency + ":") + id + (version == null ? "" : "(" + version + ")");
    }
}
