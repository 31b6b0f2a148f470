package eu.drugsplan.indicators.format;

import eu.drugsplan.indicators.repository.ObservationRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * SDMX-ML 2.1 data messages, written with StAX as the rows stream in: GenericData and StructureSpecificData,
 * and their time-series variants (which only differ in the root element and in refusing a flat layout).
 * Rows come grouped into data sets (changes, then deletions; with history one set per dissemination), then by
 * series; a new data set starts when the action or the dissemination changes, a new series when the key does.
 */
final class SdmxMlDataWriter implements DataWriter {

    static final String MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    static final String COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    static final String GENERIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic";
    static final String SPECIFIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    private final DataMessage message;
    private final boolean generic;
    private final boolean timeSeries;
    private final DataLayout layout;
    private final List<String> seriesDimensions;
    private String currentSeries;
    private DataSetKey currentSet;

    private record DataSetKey(String action, Instant from, Instant to) {
    }

    SdmxMlDataWriter(OutputStream out, DataMessage message, DataFormat format) throws IOException {
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        this.message = message;
        this.generic = format == DataFormat.GENERIC_DATA || format == DataFormat.GENERIC_TIME_SERIES_DATA;
        this.timeSeries = format == DataFormat.GENERIC_TIME_SERIES_DATA
                || format == DataFormat.STRUCTURE_SPECIFIC_TIME_SERIES_DATA;
        this.layout = message.layout();
        this.seriesDimensions = message.seriesDimensions();
    }

    /** The namespace of the structure-specific schema of a dataflow at an observation dimension (SDMX-ML 2.1 rule). */
    static String structureNamespace(DataMessage message) {
        return message.dataflowUrn() + ":ObsLevelDim:" + message.layout().atObservation();
    }

    @Override
    public void start() throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            String root = (generic ? "Generic" : "StructureSpecific") + (timeSeries ? "TimeSeries" : "") + "Data";
            xml.setPrefix("message", MESSAGE);
            xml.writeStartElement("message", root, MESSAGE);
            xml.writeNamespace("message", MESSAGE);
            xml.writeNamespace("common", COMMON);
            if (generic) {
                xml.writeNamespace("generic", GENERIC);
            } else {
                xml.writeNamespace("ss", SPECIFIC);
                xml.writeNamespace("xsi", XSI);
                xml.writeNamespace("ns1", structureNamespace(message));
            }
            header();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void header() throws XMLStreamException {
        xml.writeStartElement("message", "Header", MESSAGE);
        element("ID", "IREF" + UUID.randomUUID().toString().replace("-", ""));
        element("Test", "false");
        element("Prepared", Instant.now().toString());
        xml.writeEmptyElement("message", "Sender", MESSAGE);
        xml.writeAttribute("id", message.agency());
        xml.writeStartElement("message", "Structure", MESSAGE);
        xml.writeAttribute("structureID", message.dataflowId());
        if (!generic) {
            xml.writeAttribute("namespace", structureNamespace(message));
        }
        xml.writeAttribute("dimensionAtObservation", layout.atObservation());
        xml.writeStartElement("common", "StructureUsage", COMMON);
        xml.writeEmptyElement("Ref");
        xml.writeAttribute("agencyID", message.agency());
        xml.writeAttribute("id", message.dataflowId());
        xml.writeAttribute("version", message.dataflowVersion());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement("message", name, MESSAGE);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    @Override
    public void row(ObservationRow row) throws IOException {
        try {
            DataSetKey set = new DataSetKey(message.dataSetAction(row), row.dataSetFrom(), row.dataSetTo());
            if (!set.equals(currentSet)) {
                endDataSet();
                startDataSet(set);
            }
            if (layout.flat()) {
                if (layout.detail().observations()) {
                    observation(row, true);
                }
                return;
            }
            if (!row.seriesKey().equals(currentSeries)) {
                endSeries();
                startSeries(row);
            }
            if (layout.detail().observations()) {
                observation(row, false);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void startDataSet(DataSetKey set) throws XMLStreamException {
        currentSet = set;
        xml.writeStartElement("message", "DataSet", MESSAGE);
        if (generic) {
            // unqualified, as SDMXCommon.xsd's SetAttributeGroup declares them
            xml.writeAttribute("structureRef", message.dataflowId());
            setAttribute("", "action", set.action());
            setAttribute("", "validFromDate", set.from());
            setAttribute("", "validToDate", set.to());
        } else {
            // the type of the structure's own schema (see StructureSpecificSchema): the base types are abstract;
            // the set attributes are qualified here (SDMXDataStructureSpecificBase.xsd), so they cannot clash
            // with the structure's own attributes
            xml.writeAttribute("xsi", XSI, "type", "ns1:" + (timeSeries ? "TimeSeriesDataSetType" : "DataSetType"));
            xml.writeAttribute("ss", SPECIFIC, "structureRef", message.dataflowId());
            xml.writeAttribute("ss", SPECIFIC, "dataScope", "DataStructure");
            setAttribute(SPECIFIC, "action", set.action());
            setAttribute(SPECIFIC, "validFromDate", set.from());
            setAttribute(SPECIFIC, "validToDate", set.to());
        }
    }

    private void setAttribute(String namespace, String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        if (namespace.isEmpty()) {
            xml.writeAttribute(name, value.toString());
        } else {
            xml.writeAttribute("ss", namespace, name, value.toString());
        }
    }

    private void startSeries(ObservationRow row) throws XMLStreamException {
        currentSeries = row.seriesKey();
        if (generic) {
            xml.writeStartElement("generic", "Series", GENERIC);
            xml.writeStartElement("generic", "SeriesKey", GENERIC);
            for (String dimension : seriesDimensions) {
                value(dimension, code(row, dimension));
            }
            xml.writeEndElement();
        } else {
            xml.writeStartElement("Series");
            for (String dimension : seriesDimensions) {
                xml.writeAttribute(dimension, code(row, dimension));
            }
        }
    }

    private void observation(ObservationRow row, boolean flat) throws XMLStreamException {
        boolean attributes = layout.detail().attributes() && !row.deleted();
        if (generic) {
            xml.writeStartElement("generic", "Obs", GENERIC);
            if (flat) {
                xml.writeStartElement("generic", "ObsKey", GENERIC);
                for (String dimension : seriesDimensions) {
                    value(dimension, code(row, dimension));
                }
                value(DataLayout.TIME_PERIOD, row.period());
                xml.writeEndElement();
            } else {
                xml.writeEmptyElement("generic", "ObsDimension", GENERIC);
                xml.writeAttribute("value", row.period());
            }
            if (row.value() != null && !row.deleted()) {
                xml.writeEmptyElement("generic", "ObsValue", GENERIC);
                xml.writeAttribute("value", row.value().toPlainString());
            }
            if (attributes && (row.status() != null || row.comment() != null)) {
                xml.writeStartElement("generic", "Attributes", GENERIC);
                if (row.status() != null) {
                    value("OBS_STATUS", row.status());
                }
                if (row.comment() != null) {
                    value("OBS_COMMENT", row.comment());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("Obs");
            if (flat) {
                for (String dimension : seriesDimensions) {
                    xml.writeAttribute(dimension, code(row, dimension));
                }
            }
            xml.writeAttribute(DataLayout.TIME_PERIOD, row.period());
            if (row.value() != null && !row.deleted()) {
                xml.writeAttribute("OBS_VALUE", row.value().toPlainString());
            }
            if (attributes && row.status() != null) {
                xml.writeAttribute("OBS_STATUS", row.status());
            }
            if (attributes && row.comment() != null) {
                xml.writeAttribute("OBS_COMMENT", row.comment());
            }
        }
    }

    private void value(String id, String value) throws XMLStreamException {
        xml.writeEmptyElement("generic", "Value", GENERIC);
        xml.writeAttribute("id", id);
        xml.writeAttribute("value", value);
    }

    private static String code(ObservationRow row, String dimension) {
        return "REF_AREA".equals(dimension) ? row.area() : Objects.requireNonNullElse(row.dimensions().get(dimension), "");
    }

    private void endSeries() throws XMLStreamException {
        if (currentSeries != null) {
            xml.writeEndElement();
            currentSeries = null;
        }
    }

    private void endDataSet() throws XMLStreamException {
        endSeries();
        if (currentSet != null) {
            xml.writeEndElement();
            currentSet = null;
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            endDataSet();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
