package eu.drugsplan.indicators.format;

import eu.drugsplan.indicators.repository.ObservationRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * SDMX-ML 2.1 data messages, written with StAX as the rows stream in: GenericData and StructureSpecificData,
 * and their time-series variants (which only differ in the root element and carry TIME_PERIOD at observation
 * only). Rows come grouped into data sets (changes, then deletions; with history one set per dissemination),
 * then by series (in a cross-section: by every dimension but the one at observation, the period included); a
 * new data set starts when the action or the dissemination changes, a new series when its key does.
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
    private final List<String> seriesLevel;
    private final List<String> observationLevel;
    private final SdmxMlObservations observations;
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
        this.seriesLevel = message.seriesLevel();
        this.observationLevel = message.observationLevel();
        this.observations = new SdmxMlObservations(xml, layout, observationLevel, generic);
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
                    observations.write(row, true);
                }
                return;
            }
            String series = seriesOf(row);
            if (!series.equals(currentSeries)) {
                endSeries();
                startSeries(row, series);
            }
            if (layout.detail().observations()) {
                observations.write(row, false);
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

    /** The series a row belongs in: its stored series, or in a cross-section its codes at the series level. */
    private String seriesOf(ObservationRow row) {
        if (layout.timeSeries()) {
            return row.seriesKey();
        }
        StringBuilder key = new StringBuilder();
        for (String dimension : seriesLevel) {
            key.append(DataMessage.code(row, dimension)).append('\u0000');
        }
        return key.toString();
    }

    private void startSeries(ObservationRow row, String series) throws XMLStreamException {
        currentSeries = series;
        if (generic) {
            xml.writeStartElement("generic", "Series", GENERIC);
            xml.writeStartElement("generic", "SeriesKey", GENERIC);
            for (String dimension : seriesLevel) {
                value(dimension, DataMessage.code(row, dimension));
            }
            xml.writeEndElement();
        } else {
            xml.writeStartElement("Series");
            for (String dimension : seriesLevel) {
                xml.writeAttribute(dimension, DataMessage.code(row, dimension));
            }
        }
    }

    private void value(String id, String value) throws XMLStreamException {
        SdmxMlObservations.value(xml, id, value);
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
