package eu.drugsplan.indicators.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official SDMX schemas of ../shared/standards (found by walking up from the module, or STANDARDS_DIR),
 * read where they are, never copied: SDMX-JSON 2.0.0 data messages checked with a JSON Schema validator, SDMX-ML
 * 2.1 messages with the JDK's XML Schema validator.
 */
public final class SdmxSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema jsonData;

    private SdmxSchemas() {
    }

    public static Path standards() {
        String configured = System.getenv("STANDARDS_DIR");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/standards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/standards not found above " + Path.of("").toAbsolutePath()
                + "; set STANDARDS_DIR");
    }

    /** The schema's complaints about an SDMX-JSON 2.0.0 data message; empty when it is valid. */
    public static synchronized List<String> jsonDataErrors(String body) {
        try {
            if (jsonData == null) {
                // the schema is draft-04 ("id", "definitions") but names the dialect by the old unversioned URI,
                // which the validator does not know: named as draft-04 here, in memory (the file stays as published)
                SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
                JsonNode schema = JSON.readTree(standards().resolve("sdmx-json/sdmx-json-data-schema-2.0.0.json").toFile());
                ((com.fasterxml.jackson.databind.node.ObjectNode) schema).put("$schema",
                        SpecificationVersion.DRAFT_4.getDialectId());
                jsonData = registry.getSchema(schema);
            }
            List<String> errors = new ArrayList<>();
            for (Error error : jsonData.validate(JSON.readTree(body))) {
                errors.add(error.toString());
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The XML Schema complaints about an SDMX-ML 2.1 message, validated against SDMXMessage.xsd and, for
     * structure-specific data, the structure's own schema (given as text); empty when it is valid.
     */
    public static List<String> xmlErrors(String body, String... structureSchemas) {
        List<String> errors = new ArrayList<>();
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            List<Source> sources = new ArrayList<>();
            sources.add(new StreamSource(standards().resolve("sdmx-ml-2.1/SDMXMessage.xsd").toFile()));
            for (String schema : structureSchemas) {
                StreamSource source = new StreamSource(new StringReader(schema));
                // its import of the structure-specific base resolves against the official schemas
                source.setSystemId(standards().resolve("sdmx-ml-2.1/structure-schema.xsd").toUri().toString());
                sources.add(source);
            }
            Validator validator = factory.newSchema(sources.toArray(Source[]::new)).newValidator();
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
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }
}
