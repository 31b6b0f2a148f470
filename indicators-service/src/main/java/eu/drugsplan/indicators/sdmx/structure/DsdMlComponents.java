package eu.drugsplan.indicators.sdmx.structure;

import static eu.drugsplan.indicators.sdmx.structure.StructureMlWriter.STR;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.sdmx.structure.Structures.Component;
import eu.drugsplan.indicators.sdmx.structure.Structures.Role;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The components of a data structure definition in SDMX-ML 2.1 (SDMXStructureDataStructure.xsd): dimensions with
 * their positions, attributes with their attachment, the primary measure, each with its concept and representation.
 */
final class DsdMlComponents {

    private final XMLStreamWriter w;

    DsdMlComponents(XMLStreamWriter w) {
        this.w = w;
    }

    void write(List<Component> components) throws XMLStreamException {
        w.writeStartElement(STR, "DataStructureComponents");
        dimensionList(components);
        attributeList(components);
        w.writeStartElement(STR, "MeasureList");
        w.writeAttribute("id", "MeasureDescriptor");
        for (Component c : components) {
            if (c.role() == Role.MEASURE) {
                w.writeStartElement(STR, "PrimaryMeasure");
                w.writeAttribute("id", c.id());
                representation(c);
                w.writeEndElement();
            }
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private void dimensionList(List<Component> components) throws XMLStreamException {
        w.writeStartElement(STR, "DimensionList");
        w.writeAttribute("id", "DimensionDescriptor");
        int position = 1;
        for (Component c : components) {
            if (c.role() == Role.DIMENSION || c.role() == Role.TIME_DIMENSION) {
                w.writeStartElement(STR, c.role() == Role.DIMENSION ? "Dimension" : "TimeDimension");
                w.writeAttribute("id", c.id());
                w.writeAttribute("position", String.valueOf(position++));
                representation(c);
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    private void attributeList(List<Component> components) throws XMLStreamException {
        w.writeStartElement(STR, "AttributeList");
        w.writeAttribute("id", "AttributeDescriptor");
        for (Component c : components) {
            if (c.role() == Role.ATTRIBUTE) {
                w.writeStartElement(STR, "Attribute");
                w.writeAttribute("id", c.id());
                w.writeAttribute("assignmentStatus", c.mandatory() ? "Mandatory" : "Conditional");
                representation(c);
                w.writeStartElement(STR, "AttributeRelationship");
                if (c.attachment() == Structures.Attachment.OBSERVATION) {
                    w.writeStartElement(STR, "PrimaryMeasure");
                    w.writeEmptyElement("Ref");
                    w.writeAttribute("id", Structures.OBS_VALUE);
                    w.writeEndElement();
                } else {
                    w.writeEmptyElement(STR, "None");
                }
                w.writeEndElement();
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    private void representation(Component c) throws XMLStreamException {
        w.writeStartElement(STR, "ConceptIdentity");
        w.writeEmptyElement("Ref");
        w.writeAttribute("id", c.id());
        w.writeAttribute("maintainableParentID", SdmxIds.CONCEPT_SCHEME);
        w.writeAttribute("maintainableParentVersion", SdmxIds.VERSION);
        w.writeAttribute("agencyID", SdmxIds.AGENCY);
        w.writeAttribute("package", "conceptscheme");
        w.writeAttribute("class", "Concept");
        w.writeEndElement();
        w.writeStartElement(STR, "LocalRepresentation");
        if (c.codelist() != null) {
            w.writeStartElement(STR, "Enumeration");
            ref(w, c.codelist(), SdmxIds.AGENCY, SdmxIds.VERSION, "Codelist", "codelist");
            w.writeEndElement();
        } else {
            w.writeEmptyElement(STR, "TextFormat");
            w.writeAttribute("textType", c.textType());
        }
        w.writeEndElement();
    }

    static void ref(XMLStreamWriter w, String id, String agency, String version, String cls, String pkg) throws XMLStreamException {
        w.writeEmptyElement("Ref");
        w.writeAttribute("id", id);
        w.writeAttribute("version", version);
        w.writeAttribute("agencyID", agency);
        w.writeAttribute("package", pkg);
        w.writeAttribute("class", cls);
    }
}
