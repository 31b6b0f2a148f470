package eu.drugsplan.indicators.format;

import static eu.drugsplan.indicators.format.SdmxMlDataWriter.GENERIC;

import eu.drugsplan.indicators.repository.ObservationRow;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The observations of an SDMX-ML 2.1 data message: GenericData's {@code generic:Obs} with its key, value and
 * attributes as elements, or StructureSpecificData's {@code Obs} with all of them as attributes.
 */
final class SdmxMlObservations {

    private final XMLStreamWriter xml;
    private final DataLayout layout;
    private final List<String> observationLevel;
    private final boolean generic;

    SdmxMlObservations(XMLStreamWriter xml, DataLayout layout, List<String> observationLevel, boolean generic) {
        this.xml = xml;
        this.layout = layout;
        this.observationLevel = observationLevel;
        this.generic = generic;
    }

    /** One observation; {@code flat}: keyed by every dimension (AllDimensions), not within a series. */
    void write(ObservationRow row, boolean flat) throws XMLStreamException {
        boolean attributes = layout.detail().attributes() && !row.deleted();
        if (generic) {
            genericObservation(row, flat, attributes);
        } else {
            specificObservation(row, attributes);
        }
    }

    private void genericObservation(ObservationRow row, boolean flat, boolean attributes) throws XMLStreamException {
        xml.writeStartElement("generic", "Obs", GENERIC);
        if (flat) {
            xml.writeStartElement("generic", "ObsKey", GENERIC);
            for (String dimension : observationLevel) {
                value(xml, dimension, DataMessage.code(row, dimension));
            }
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("generic", "ObsDimension", GENERIC);
            String dimension = layout.atObservation();
            if (!layout.timeSeries()) {
                // the time-series form names no id (TIME_PERIOD is implied); a cross-section names its dimension
                xml.writeAttribute("id", dimension);
            }
            xml.writeAttribute("value", DataMessage.code(row, dimension));
        }
        if (row.value() != null && !row.deleted()) {
            xml.writeEmptyElement("generic", "ObsValue", GENERIC);
            xml.writeAttribute("value", row.value().toPlainString());
        }
        if (attributes && (row.status() != null || row.comment() != null)) {
            xml.writeStartElement("generic", "Attributes", GENERIC);
            if (row.status() != null) {
                value(xml, "OBS_STATUS", row.status());
            }
            if (row.comment() != null) {
                value(xml, "OBS_COMMENT", row.comment());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void specificObservation(ObservationRow row, boolean attributes) throws XMLStreamException {
        xml.writeEmptyElement("Obs");
        for (String dimension : observationLevel) {
            xml.writeAttribute(dimension, DataMessage.code(row, dimension));
        }
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

    static void value(XMLStreamWriter xml, String id, String value) throws XMLStreamException {
        xml.writeEmptyElement("generic", "Value", GENERIC);
        xml.writeAttribute("id", id);
        xml.writeAttribute("value", value);
    }
}
