package eu.drugsplan.submissions.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.format.BodyFormat;
import eu.drugsplan.submissions.format.CsvRows;
import eu.drugsplan.submissions.format.JsonRows;
import eu.drugsplan.submissions.format.SdmxMlRows;
import eu.drugsplan.submissions.format.SheetParameters;
import eu.drugsplan.submissions.service.Catalogue;
import eu.drugsplan.submissions.service.CatalogueCache;
import eu.drugsplan.submissions.service.RowSource;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a submission's body is held and read, whatever its format: spooled to disk within the body limit, then
 * opened as rows by the reader of its format against the current catalogue. The resource decides what to do with
 * the rows; this decides how they are read.
 */
@ApplicationScoped
public class IntakeBodies {

    private final SubmissionsConfig config;
    private final ObjectMapper json;
    private final Validator validator;
    private final MemorySize maxBodySize;
    private final CatalogueCache catalogue;

    public IntakeBodies(SubmissionsConfig config, ObjectMapper json, Validator validator,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                        CatalogueCache catalogue) {
        this.config = config;
        this.json = json;
        this.validator = validator;
        this.maxBodySize = maxBodySize;
        this.catalogue = catalogue;
    }

    RowSource rows(BodyFormat format, SpooledBody spooled, Optional<Character> decimal, SheetParameters sheet)
            throws IOException {
        if (format == BodyFormat.JSON) {
            return JsonRows.read(spooled.file(), json, validator, config.maxJsonRows());
        }
        Catalogue current = catalogue.current();
        if (format == BodyFormat.XLSX) {
            return SheetRequest.rows(spooled.file(), current, sheet, config.xlsx());
        }
        Set<String> dimensions = current.measures().values().stream().flatMap(m -> m.dimensions().stream())
                .collect(Collectors.toUnmodifiableSet());
        CsvRows.Vocabulary vocabulary = new CsvRows.Vocabulary(current.measures().keySet(), dimensions);
        if (format == BodyFormat.SDMX_ML) {
            return SdmxMlRows.open(spooled.file(), vocabulary);
        }
        return CsvRows.open(spooled.file(), format, decimal, vocabulary);
    }

    /**
     * A compressed body is held to the limit a plain one has (the HTTP layer's, on the bytes received). The
     * declared decimal mark is part of what the body means, so it is part of its hash for Idempotency-Key.
     */
    SpooledBody.Spooling spooling(BodyFormat format, ContentCoding coding, Optional<Character> decimal) {
        String meaning = format.mediaType() + decimal.map(mark -> ";decimal=" + mark).orElse("");
        return new SpooledBody.Spooling(coding, spoolDirectory(), meaning, maxBodySize.asLongValue());
    }

    /**
     * JAX-RS reads any word but "true" as false, so {@code dryRun=yes} stored the data its sender meant only to
     * check: anything but true or false is refused before the body is read.
     */
    static boolean dryRun(String parameter) {
        if (!"true".equalsIgnoreCase(parameter) && !"false".equalsIgnoreCase(parameter)) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter",
                    "dryRun must be true or false; got '" + parameter + "'. Nothing was stored."));
        }
        return Boolean.parseBoolean(parameter);
    }

    private java.nio.file.Path spoolDirectory() {
        return config.spoolDirectory().orElse(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
    }
}
