package eu.drugsplan.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official SDMX schemas of ../shared/standards, read where they are (never copied into the project): every
 * SDMX-ML 2.1 message a test receives is checked against SDMXMessage.xsd with the JDK's XML Schema validator, every
 * SDMX-JSON 2.0.0 message against its JSON Schema. The folder is the nearest ancestor of the working directory
 * with a shared/standards folder (so a git worktree below the repository's parent finds it), or SDMX_STANDARDS_DIR.
 */
public final class SdmxSchemas {

    public static final String STRUCTURE_JSON = "sdmx-json/sdmx-json-structure-schema-2.0.0.json";
    public static final String DATA_JSON = "sdmx-json/sdmx-json-data-schema-2.0.0.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> JSON_SCHEMAS = new ConcurrentHashMap<>();
    private static volatile javax.xml.validation.Schema xml;

    private SdmxSchemas() {
    }

    public static Path standards() {
        String configured = System.getenv("SDMX_STANDARDS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/standards");
            if (Files.isDirectory(candidate.resolve("sdmx-ml-2.1"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/standards not found above " + Path.of("").toAbsolutePath()
                + "; set SDMX_STANDARDS_DIR");
    }

    /** What SDMXMessage.xsd finds wrong with an SDMX-ML 2.1 message (any of its messages); empty when valid. */
    public static List<String> xmlErrors(String body) {
        return xmlErrors(body, new String[0]);
    }

    /**
     * The same for a StructureSpecificData message, whose data set type is abstract in the base schemas: validated
     * against SDMXMessage.xsd together with the structure's own schema (text, importing the official schemas by
     * absolute location).
     */
    public static List<String> xmlErrors(String body, String... structureSchemas) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = (structureSchemas.length == 0 ? xmlSchema() : withStructures(structureSchemas))
                    .newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new StringReader(body)));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    /** What the SDMX-JSON 2.0.0 structure message schema finds wrong with a message; empty when valid. */
    public static List<String> structureJsonErrors(String body) {
        return jsonErrors(STRUCTURE_JSON, body);
    }

    /** What the SDMX-JSON 2.0.0 data message schema finds wrong with a message; empty when valid. */
    public static List<String> dataJsonErrors(String body) {
        return jsonErrors(DATA_JSON, body);
    }

    public static List<String> jsonErrors(String schemaFile, String body) {
        try {
            Schema schema = JSON_SCHEMAS.computeIfAbsent(schemaFile, SdmxSchemas::loadJson);
            return schema.validate(JSON.readTree(body)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private static Schema loadJson(String file) {
        try {
            JsonNode node = JSON.readTree(standards().resolve(file).toFile());
            // both schemas name the undated "http://json-schema.org/schema#"; the data schema identifies itself with
            // draft-04's "id", the structure schema with "$id" (draft-06 on), and both only use draft-04 keywords
            SpecificationVersion version = node.has("$id") ? SpecificationVersion.DRAFT_7 : SpecificationVersion.DRAFT_4;
            // the undated meta-schema URI names no dialect the validator knows (it would fetch it); the copy read
            // here is validated with the dialect chosen above instead, the file itself is untouched
            ((ObjectNode) node).remove("$schema");
            return SchemaRegistry.withDefaultDialect(version).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static javax.xml.validation.Schema withStructures(String[] structureSchemas) throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        List<javax.xml.transform.Source> sources = new ArrayList<>();
        sources.add(new StreamSource(standards().resolve("sdmx-ml-2.1/SDMXMessage.xsd").toFile()));
        for (String schema : structureSchemas) {
            sources.add(new StreamSource(new StringReader(schema)));
        }
        return factory.newSchema(sources.toArray(javax.xml.transform.Source[]::new));
    }

    private static javax.xml.validation.Schema xmlSchema() {
        if (xml == null) {
            synchronized (SdmxSchemas.class) {
                if (xml == null) {
                    try {
                        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                        // the schemas import each other and xml.xsd by relative location; nothing is fetched
                        xml = factory.newSchema(standards().resolve("sdmx-ml-2.1/SDMXMessage.xsd").toFile());
                    } catch (SAXException e) {
                        throw new IllegalStateException("the SDMX-ML 2.1 schemas do not load", e);
                    }
                }
            }
        }
        return xml;
    }
}
