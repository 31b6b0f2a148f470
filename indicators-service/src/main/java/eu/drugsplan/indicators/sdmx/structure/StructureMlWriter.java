package eu.drugsplan.indicators.sdmx.structure;

import eu.drugsplan.contracts.sdmx.SdmxIds;
import eu.drugsplan.indicators.sdmx.structure.StructureSelection.Entry;
import eu.drugsplan.indicators.sdmx.structure.Structures.Artefact;
import eu.drugsplan.indicators.sdmx.structure.Structures.Availability;
import eu.drugsplan.indicators.sdmx.structure.Structures.Item;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an SDMX-ML 2.1 Structure message (SDMXMessage.xsd, SDMXStructure*.xsd) as a stream with StAX: the
 * header, then each kind of structure in the order the schema requires. Versions are SDMX 2.1's ({@value SdmxIds#VERSION}).
 */
public final class StructureMlWriter {

    static final String MES = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    static final String STR = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    static final String COM = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final Structures structures;
    private XMLStreamWriter w;

    public StructureMlWriter(Structures structures) {
        this.structures = structures;
    }

    public void write(List<Entry> entries, OutputStream out) throws XMLStreamException {
        w = FACTORY.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.setPrefix("message", MES);
        w.setPrefix("structure", STR);
        w.setPrefix("common", COM);
        w.writeStartElement(MES, "Structure");
        w.writeNamespace("message", MES);
        w.writeNamespace("structure", STR);
        w.writeNamespace("common", COM);
        w.writeStartElement(MES, "Header");
        text(MES, "ID", "IREF" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
        text(MES, "Test", "false");
        text(MES, "Prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        w.writeEmptyElement(MES, "Sender");
        w.writeAttribute("id", SdmxIds.AGENCY);
        w.writeEndElement();
        w.writeStartElement(MES, "Structures");
        ArtefactType open = null;
        for (Entry e : entries) {
            ArtefactType type = e.artefact().type();
            if (type != open) {
                if (open != null) {
                    w.writeEndElement();
                }
                w.writeStartElement(STR, container(type));
                open = type;
            }
            artefact(e);
        }
        if (open != null) {
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
        w.close();
    }

    private static String container(ArtefactType type) {
        return switch (type) {
            case AGENCY_SCHEME -> "OrganisationSchemes";
            case DATAFLOW -> "Dataflows";
            case CODELIST -> "Codelists";
            case CONCEPT_SCHEME -> "Concepts";
            case DATA_STRUCTURE -> "DataStructures";
            case CONSTRAINT -> "Constraints";
        };
    }

    private static String element(ArtefactType type) {
        return switch (type) {
            case AGENCY_SCHEME -> "AgencyScheme";
            case DATAFLOW -> "Dataflow";
            case CODELIST -> "Codelist";
            case CONCEPT_SCHEME -> "ConceptScheme";
            case DATA_STRUCTURE -> "DataStructure";
            case CONSTRAINT -> "ContentConstraint";
        };
    }

    private void artefact(Entry e) throws XMLStreamException {
        Artefact a = e.artefact();
        String version = version(a);
        w.writeStartElement(STR, element(a.type()));
        w.writeAttribute("id", a.id());
        w.writeAttribute("urn", urn(a));
        w.writeAttribute("agencyID", a.agency());
        w.writeAttribute("version", version);
        w.writeAttribute("isFinal", "false");
        if (e.stub()) {
            w.writeAttribute("isExternalReference", "true");
        }
        if (a.type().isItemScheme() && e.partial()) {
            w.writeAttribute("isPartial", "true");
        }
        if (a.type() == ArtefactType.CONSTRAINT) {
            w.writeAttribute("type", "Actual");
        }
        name(COM, structures.name(a));
        String description = structures.description(a);
        if (description != null && (!e.stub() || e.completeStub())) {
            localised(COM, "Description", description);
        }
        if (!e.stub()) {
            switch (a.type()) {
                case AGENCY_SCHEME, CODELIST, CONCEPT_SCHEME -> items(a, e.items() == null ? structures.items(a) : e.items());
                case DATAFLOW -> {
                    w.writeStartElement(STR, "Structure");
                    ref(SdmxIds.dataStructureId(a.measure()), SdmxIds.AGENCY, SdmxIds.VERSION, "DataStructure", "datastructure");
                    w.writeEndElement();
                }
                case DATA_STRUCTURE -> new DsdMlComponents(w).write(structures.components(a.measure()));
                case CONSTRAINT -> constraint(a.measure());
            }
        }
        w.writeEndElement();
    }

    private void items(Artefact a, List<Item> items) throws XMLStreamException {
        String element = switch (a.type()) {
            case AGENCY_SCHEME -> "Agency";
            case CODELIST -> "Code";
            default -> "Concept";
        };
        for (Item item : items) {
            w.writeStartElement(STR, element);
            w.writeAttribute("id", item.id());
            name(COM, item.name());
            if (item.description() != null) {
                localised(COM, "Description", item.description());
            }
            if (item.parent() != null && a.type() == ArtefactType.CODELIST) {
                w.writeStartElement(STR, "Parent");
                w.writeEmptyElement("Ref");
                w.writeAttribute("id", item.parent());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
    }

    private void constraint(String measure) throws XMLStreamException {
        w.writeStartElement(STR, "ConstraintAttachment");
        w.writeStartElement(STR, "Dataflow");
        ref(SdmxIds.dataflowId(measure), SdmxIds.AGENCY, SdmxIds.VERSION, "Dataflow", "datastructure");
        w.writeEndElement();
        w.writeEndElement();
        Availability available = structures.availability(measure).orElseThrow();
        w.writeStartElement(STR, "CubeRegion");
        w.writeAttribute("include", "true");
        for (Map.Entry<String, Set<String>> values : available.values().entrySet()) {
            w.writeStartElement(COM, "KeyValue");
            w.writeAttribute("id", values.getKey());
            for (String value : values.getValue()) {
                text(COM, "Value", value);
            }
            w.writeEndElement();
        }
        w.writeStartElement(COM, "KeyValue");
        w.writeAttribute("id", Structures.TIME_PERIOD);
        w.writeStartElement(COM, "TimeRange");
        w.writeStartElement(COM, "StartPeriod");
        w.writeAttribute("isInclusive", "true");
        w.writeCharacters(available.firstPeriod());
        w.writeEndElement();
        w.writeStartElement(COM, "EndPeriod");
        w.writeAttribute("isInclusive", "true");
        w.writeCharacters(available.lastPeriod());
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private void ref(String id, String agency, String version, String cls, String pkg) throws XMLStreamException {
        DsdMlComponents.ref(w, id, agency, version, cls, pkg);
    }

    private void name(String ns, String text) throws XMLStreamException {
        localised(ns, "Name", text);
    }

    private void localised(String ns, String element, String text) throws XMLStreamException {
        w.writeStartElement(ns, element);
        w.writeAttribute("xml", XML_NS, "lang", "en");
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private void text(String ns, String element, String text) throws XMLStreamException {
        w.writeStartElement(ns, element);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    static String version(Artefact a) {
        return a.type() == ArtefactType.AGENCY_SCHEME ? SdmxIds.AGENCY_SCHEME_VERSION : SdmxIds.VERSION;
    }

    static String urn(Artefact a) {
        return "urn:sdmx:org.sdmx.infomodel." + a.type().urnClass(false) + "=" + a.agency() + ":" + a.id() + "(" + version(a) + ")";
    }
}
