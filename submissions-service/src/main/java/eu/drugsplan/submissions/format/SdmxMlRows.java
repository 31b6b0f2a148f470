package eu.drugsplan.submissions.format;

import eu.drugsplan.submissions.service.Conflict;
import eu.drugsplan.submissions.service.ConflictCode;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.service.RowSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of an SDMX-ML 2.1 {@code StructureSpecificData} message (or its time-series form), as agency systems
 * export it: each {@code Obs} is one row, its components the attributes of the DataSet, the Series and the Obs
 * (the nearer one wins), so every {@code dimensionAtObservation} reads alike. The components take the SDMX-CSV
 * reading: REF_AREA, TIME_PERIOD, OBS_VALUE, OBS_STATUS, OBS_COMMENT; a dimension of the catalogue is a
 * dimension; any other component (FREQ, UNIT_MEASURE, DECIMALS ..., and group attributes) is ignored and said
 * so in the summary's notes.
 * The DataSet's {@code action} is the rows' action (Append, Replace, Delete, Information). A row is named by its
 * path, such as {@code /DataSet[1]/Series[3]/Obs[2]}.
 *
 * <p>The whole message is checked (well-formed, a message of this kind, every DataSet's structure in the Header)
 * before the first row is read, so that a broken or truncated body stores nothing; then it is read again one
 * Obs at a time, so a large message never sits in memory.
 */
public final class SdmxMlRows implements RowSource {

    private final InputStream in;
    private final XMLStreamReader xml;
    private final SdmxMlHeader header;
    private final Set<String> dimensionIds;
    private final Set<String> notes;
    private ObservationRow next;
    private DataSet dataSet;
    private Map<String, String> series = Map.of();
    private int dataSets;
    private int seriesIndex;
    private int obsInSeries;
    private boolean inSeries;

    private record DataSet(String pointer, SdmxStructure.Resolved structure, String action, Map<String, String> components) {
    }

    private SdmxMlRows(InputStream in, XMLStreamReader xml, SdmxMlHeader header, Set<String> dimensionIds,
                       Set<String> notes) {
        this.in = in;
        this.notes = notes;
        this.xml = xml;
        this.header = header;
        this.dimensionIds = dimensionIds;
    }

    /** Checks the whole message, then opens it for reading row by row; a body unusable as a whole is a 400. */
    public static SdmxMlRows open(Path body, CsvRows.Vocabulary vocabulary) {
        SdmxStructure catalogue = new SdmxStructure(vocabulary.measures());
        Set<String> ignored = SdmxMlCheck.check(body, catalogue, vocabulary.dimensions());
        InputStream in = null;
        try {
            in = Files.newInputStream(body);
            XMLStreamReader xml = SdmxMl.reader(in);
            SdmxMlHeader header = SdmxMlCheck.toHeader(xml, catalogue);
            return new SdmxMlRows(in, xml, header, vocabulary.dimensions(), ignored);
        } catch (XMLStreamException e) {
            closeQuietly(in);
            throw SdmxMl.unreadable(e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = advance();
            } catch (XMLStreamException e) {
                // checked as well-formed before: only a body changed under us ends here
                throw SdmxMl.unreadable(e);
            }
        }
        return next != null;
    }

    @Override
    public ObservationRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObservationRow row = next;
        next = null;
        return row;
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the file is closed below either way
        }
        closeQuietly(in);
    }

    private ObservationRow advance() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                ObservationRow row = start(xml.getLocalName());
                if (row != null) {
                    return row;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                ObservationRow row = end(xml.getLocalName());
                if (row != null) {
                    return row;
                }
            }
        }
        return null;
    }

    private ObservationRow start(String element) {
        switch (element) {
            case "DataSet" -> {
                dataSets++;
                seriesIndex = 0;
                obsInSeries = 0;
                String pointer = "/DataSet[" + dataSets + "]";
                String ref = xml.getAttributeValue(SdmxMl.STRUCTURE_SPECIFIC, "structureRef");
                dataSet = new DataSet(pointer, header.structure(ref), xml.getAttributeValue(null, "action"),
                        components(SdmxMl.DATA_SET_FIELDS));
                return null;
            }
            case "Series" -> {
                seriesIndex++;
                obsInSeries = 0;
                inSeries = true;
                series = components(Set.of());
                return null;
            }
            case "Obs" -> {
                obsInSeries++;
                return observation(components(Set.of()));
            }
            default -> {
                return null;
            }
        }
    }

    private ObservationRow end(String element) {
        if (element.equals("Series")) {
            Map<String, String> ended = series;
            series = Map.of();
            inSeries = false;
            boolean hadObs = obsInSeries > 0;
            obsInSeries = 0;
            if (!hadObs && isDelete()) {
                // a Delete data set's Series without Obs deletes the whole series: refused, as a partial key in CSV
                String pointer = dataSet.pointer() + "/Series[" + seriesIndex + "]";
                return ObservationRow.refused(Conflict.of(pointer, "row", ConflictCode.DELETE_WILDCARD_UNSUPPORTED,
                        ended));
            }
        } else if (element.equals("DataSet")) {
            dataSet = null;
        }
        return null;
    }

    private ObservationRow observation(Map<String, String> obs) {
        String pointer = dataSet.pointer() + (inSeries ? "/Series[" + seriesIndex + "]" : "") + "/Obs[" + obsInSeries + "]";
        SdmxStructure.Resolved structure = dataSet.structure();
        if (structure.refused() != null) {
            Conflict refused = structure.refused();
            return ObservationRow.refused(new Conflict(pointer, refused.field(), refused.code(), refused.message()));
        }
        Map<String, String> all = new HashMap<>(dataSet.components());
        all.putAll(series);
        all.putAll(obs);
        if (isDelete() && all.get("OBS_VALUE") == null) {
            String attribute = all.containsKey("OBS_STATUS") ? "OBS_STATUS" : all.containsKey("OBS_COMMENT") ? "OBS_COMMENT" : null;
            if (attribute != null) {
                return ObservationRow.refused(Conflict.of(pointer, "row", ConflictCode.DELETE_ATTRIBUTE_UNSUPPORTED,
                        attribute + "=" + all.get(attribute)));
            }
        }
        return row(pointer, structure.measure(), all);
    }

    private ObservationRow row(String pointer, String measure, Map<String, String> components) {
        Map<String, String> dimensions = new HashMap<>(4);
        for (Map.Entry<String, String> component : components.entrySet()) {
            String name = component.getKey();
            if (!SdmxMl.FIELDS.contains(name) && dimensionIds.contains(name)) {
                dimensions.put(name, component.getValue());
            }
        }
        String comment = components.containsKey("OBS_COMMENT") ? components.get("OBS_COMMENT") : components.get("COMMENT");
        return new ObservationRow(pointer, measure, components.get("REF_AREA"), components.get("TIME_PERIOD"),
                dimensions, components.get("OBS_VALUE"), components.get("OBS_STATUS"), comment, dataSet.action());
    }

    private boolean isDelete() {
        return dataSet != null && "Delete".equalsIgnoreCase(dataSet.action());
    }

    private Map<String, String> components(Set<String> skip) {
        return SdmxMl.components(xml, skip);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing left to do with a file we only read
            }
        }
    }
}
