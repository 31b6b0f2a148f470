package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The namespaces of SDMX-ML 2.1 data messages, and the one safe way the intake opens such a body. */
final class SdmxMl {

    static final String MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    static final String STRUCTURE_SPECIFIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";

    /** DataSet attributes of the message format itself, not components of a data structure. */
    static final Set<String> DATA_SET_FIELDS = Set.of("action", "setID", "dataScope", "structureRef", "type",
            "reportingBeginDate", "reportingEndDate", "validFromDate", "validToDate", "publicationYear",
            "publicationPeriod");
    /** The components the intake reads as the row's own fields (SDMX-CSV's reading). */
    static final Set<String> FIELDS = Set.of("REF_AREA", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_COMMENT",
            "COMMENT");

    private SdmxMl() {
    }

    /** The element's attributes without a namespace (its components), but those named in skip. */
    static Map<String, String> components(XMLStreamReader xml, Set<String> skip) {
        Map<String, String> components = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            String name = xml.getAttributeLocalName(i);
            if ((namespace == null || namespace.isEmpty()) && !skip.contains(name)) {
                components.put(name, xml.getAttributeValue(i));
            }
        }
        return components;
    }

    /**
     * A reader that never resolves a DTD or an external entity: an upload is untrusted XML, and an entity could
     * read a file of the server or expand a few bytes into gigabytes (the "billion laughs").
     */
    static XMLStreamReader reader(InputStream body) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return factory.createXMLStreamReader(body);
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    static ProblemException unreadable(XMLStreamException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber();
        return badMessage("The body is not well-formed XML" + where + ". Nothing was stored.");
    }

    static ProblemException badMessage(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-sdmx-ml", detail));
    }
}
