package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.TextLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The pass over a whole SDMX-ML message before any row is read: well-formed, no DTD, a structure-specific data
 * message, a Header naming at least one structure, and every DataSet's {@code ss:structureRef} among them. What
 * fails here is a 400 and nothing is stored.
 */
final class SdmxMlCheck {

    private static final Set<String> ROOTS = Set.of("StructureSpecificData", "StructureSpecificTimeSeriesData");
    private static final Set<String> GENERIC = Set.of("GenericData", "GenericTimeSeriesData");
    /** The elements that hold data, and so need the structure a DataSet names. */
    private static final Set<String> DATA = Set.of("Series", "Obs", "Group");

    private SdmxMlCheck() {
    }

    /** Checks the message and returns what the rows will leave out, as the summary's notes say it. */
    static Set<String> check(Path body, SdmxStructure catalogue, Set<String> dimensionIds) {
        try (InputStream in = Files.newInputStream(body)) {
            XMLStreamReader xml = SdmxMl.reader(in);
            try {
                return dataSets(xml, toHeader(xml, catalogue), dimensionIds);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw SdmxMl.unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> dataSets(XMLStreamReader xml, SdmxMlHeader header, Set<String> dimensionIds)
            throws XMLStreamException {
        Set<String> ignored = new TreeSet<>();
        int dataSets = 0;
        int openDataSets = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                if (element.equals("DataSet")) {
                    dataSets++;
                    openDataSets++;
                    requireKnownStructure(xml, header, dataSets);
                } else if (openDataSets == 0 && DATA.contains(element)) {
                    throw SdmxMl.badMessage("A " + element + " stands outside a message:DataSet, which names its"
                            + " structure. Nothing was stored.");
                }
                ignored.addAll(ignoredComponents(xml, element, dimensionIds));
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("DataSet")) {
                openDataSets--;
            }
        }
        return ignored;
    }

    /** Reads up to the end of the Header and returns its structures; refuses what is no such message. */
    static SdmxMlHeader toHeader(XMLStreamReader xml, SdmxStructure catalogue) throws XMLStreamException {
        requireRoot(xml);
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw noDtd();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals("Header") || !SdmxMl.MESSAGE.equals(xml.getNamespaceURI())) {
                    throw SdmxMl.badMessage("The message has no message:Header before its data: SDMX-ML names the"
                            + " structure of its data sets there. Nothing was stored.");
                }
                SdmxMlHeader header = SdmxMlHeader.read(xml, catalogue);
                if (header.isEmpty()) {
                    throw SdmxMl.badMessage("The message:Header names no message:Structure (with a structureID and"
                            + " the dataflow or data structure it refers to). Nothing was stored.");
                }
                return header;
            }
        }
        throw SdmxMl.badMessage("The message ends before its Header. Nothing was stored.");
    }

    private static void requireRoot(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw noDtd();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String root = xml.getLocalName();
                if (SdmxMl.MESSAGE.equals(xml.getNamespaceURI()) && ROOTS.contains(root)) {
                    return;
                }
                if (GENERIC.contains(root)) {
                    throw SdmxMl.badMessage("The body is an SDMX-ML " + root + " message; the intake reads"
                            + " StructureSpecificData (as the suite's own /sdmx data answers write it). Nothing was stored.");
                }
                throw SdmxMl.badMessage("The body's root element is '" + TextLimits.clean(root, TextLimits.CODE)
                        + "' in namespace '" + TextLimits.clean(String.valueOf(xml.getNamespaceURI()), 200)
                        + "', not an SDMX-ML 2.1 StructureSpecificData message (" + SdmxMl.MESSAGE + ")."
                        + " Nothing was stored.");
            }
        }
        throw SdmxMl.badMessage("The body holds no XML element. Nothing was stored.");
    }

    private static void requireKnownStructure(XMLStreamReader xml, SdmxMlHeader header, int dataSet) {
        String ref = xml.getAttributeValue(SdmxMl.STRUCTURE_SPECIFIC, "structureRef");
        if (header.structure(ref) == null) {
            throw SdmxMl.badMessage("DataSet " + dataSet + " names the structure '"
                    + TextLimits.clean(String.valueOf(ref), TextLimits.CODE) + "' in ss:structureRef, which the"
                    + " message:Header does not define. Nothing was stored.");
        }
    }

    private static List<String> ignoredComponents(XMLStreamReader xml, String element, Set<String> dimensionIds) {
        // a Group's type names the group of the structure, a part of the format as a DataSet's action is
        Set<String> skip = element.equals("DataSet") ? SdmxMl.DATA_SET_FIELDS
                : element.equals("Group") ? Set.of("type") : Set.of();
        List<String> ignored = new ArrayList<>();
        for (String name : SdmxMl.components(xml, skip).keySet()) {
            if (element.equals("Group")) {
                ignored.add("The group attribute '" + name + "' was ignored: the suite keeps attributes on"
                        + " observations only.");
            } else if (!SdmxMl.FIELDS.contains(name) && !dimensionIds.contains(name)) {
                ignored.add("The component '" + name + "' is no field or dimension of the suite's structures and"
                        + " was ignored.");
            }
        }
        return ignored;
    }

    private static ProblemException noDtd() {
        return SdmxMl.badMessage("The body declares a DTD; SDMX-ML messages have none, and the intake reads no"
                + " DTD or entity of an upload. Nothing was stored.");
    }
}
