package eu.drugsplan.indicators.sdmx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.drugsplan.contracts.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import eu.drugsplan.contracts.sdmx.SdmxIds;

/**
 * The one place where a refused SDMX query becomes its answer: the HTTP status of SDMX REST and an SDMX error
 * message in the negotiated format, an SDMX-ML 2.1 {@code Error} message (SDMXMessage.xsd) or an SDMX-JSON 2.0
 * message with {@code errors} (sdmx-json-structure-schema 2.0.0), never the suite's problem+json. The format is
 * the one the query asked for where it could be negotiated, else JSON if the client asked for any JSON, else the
 * API's default (SDMX-ML for the 2.1 API, SDMX-JSON for the 3.0 API, which writes no SDMX-ML 3.0).
 */
public class SdmxErrors {

    private static final Logger LOG = Logger.getLogger(SdmxErrors.class);
    static final String MESSAGE_NS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    static final String COMMON_NS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String JSON_SCHEMA = "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    @ServerExceptionMapper
    public Response sdmx(SdmxException e, HttpHeaders headers, UriInfo uri) {
        if (e.kind().status() >= 500 && e.kind() != SdmxException.Kind.NOT_IMPLEMENTED) {
            LOG.errorf(e, "SDMX query %s failed", uri.getPath());
        }
        return response(e, SdmxApi.ofPath(uri.getPath()), headers.getHeaderString(HttpHeaders.ACCEPT),
                uri.getQueryParameters().getFirst("format"));
    }

    /**
     * Refusals made elsewhere on an SDMX path (a parameter JAX-RS cannot convert, an unexpected failure the common
     * mapper logged) come out as problem documents; under /sdmx they become SDMX error messages too.
     */
    @ServerResponseFilter
    public void problemsAsSdmxErrors(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals(SdmxApi.BASE) || path.startsWith(SdmxApi.BASE + "/"))
                || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        SdmxException.Kind kind = switch (problem.status()) {
            case 400 -> SdmxException.Kind.SYNTAX;
            case 404 -> SdmxException.Kind.NO_RESULTS;
            case 406 -> SdmxException.Kind.NOT_ACCEPTABLE;
            case 413 -> SdmxException.Kind.TOO_LARGE;
            case 501 -> SdmxException.Kind.NOT_IMPLEMENTED;
            default -> problem.status() >= 500 ? SdmxException.Kind.INTERNAL : null;
        };
        if (kind == null) {
            return;
        }
        Response sdmx = response(new SdmxException(kind, problem.detail()), SdmxApi.ofPath(path),
                request.getHeaderString(HttpHeaders.ACCEPT), request.getUriInfo().getQueryParameters().getFirst("format"));
        response.setStatus(sdmx.getStatus());
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.setEntity(sdmx.getEntity(), null, sdmx.getMediaType());
    }

    /** The answer to a refusal on a request with this Accept header and format parameter. */
    public static Response response(SdmxException e, SdmxApi api, String accept, String format) {
        boolean json = wantsJson(api, accept, format);
        String body = json ? json(e) : xml(e);
        return Response.status(e.kind().status())
                .type(json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Vary", "Accept")
                .entity(body)
                .build();
    }

    static boolean wantsJson(SdmxApi api, String accept, String format) {
        String asked = (format != null && !format.isBlank() ? format : accept == null ? "" : accept).toLowerCase();
        if (asked.contains("json")) {
            if (!asked.contains("xml")) {
                return true;
            }
            // both named: the preferred of the two
            for (SdmxNegotiation.MediaRange range : SdmxNegotiation.parse(asked.contains("/") ? asked : "x/" + asked)) {
                if (range.q() > 0 && range.subtype().contains("json")) {
                    return true;
                }
                if (range.q() > 0 && range.subtype().contains("xml")) {
                    return false;
                }
            }
        }
        if (asked.contains("xml")) {
            return false;
        }
        return api == SdmxApi.V3_0;
    }

    static String json(SdmxException e) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        meta.put("schema", JSON_SCHEMA);
        meta.put("id", messageId());
        meta.put("test", false);
        meta.put("prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.putArray("contentLanguages").add("en");
        meta.putObject("sender").put("id", SdmxIds.AGENCY).put("name", SdmxIds.AGENCY_NAME);
        ObjectNode error = root.putArray("errors").addObject();
        error.put("code", e.kind().code());
        error.put("title", e.kind().title());
        error.put("detail", e.detail());
        return root.toString();
    }

    static String xml(SdmxException e) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("message", MESSAGE_NS);
            w.setPrefix("common", COMMON_NS);
            w.writeStartElement(MESSAGE_NS, "Error");
            w.writeNamespace("message", MESSAGE_NS);
            w.writeNamespace("common", COMMON_NS);
            for (String text : List.of(e.kind().title() + ": " + e.detail())) {
                w.writeStartElement(MESSAGE_NS, "ErrorMessage");
                w.writeAttribute("code", String.valueOf(e.kind().code()));
                w.writeStartElement(COMMON_NS, "Text");
                w.writeAttribute("xml", XML_NS, "lang", "en");
                w.writeCharacters(text);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException x) {
            throw new IllegalStateException(x);
        }
        return out.toString();
    }

    static String messageId() {
        return "IREF" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }
}
