package eu.drugsplan.submissions.format;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.rest.ObservationInput;
import eu.drugsplan.submissions.rest.SubmissionRequest;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.service.RowSource;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JSON submission. It is bound as a whole (it is bounded by max-json-rows), so that an unknown property or
 * broken JSON refuses the request before anything is stored.
 */
public final class JsonRows implements RowSource {

    private final List<ObservationInput> observations;
    private int next;

    private JsonRows(List<ObservationInput> observations) {
        this.observations = observations;
    }

    public static JsonRows read(Path body, ObjectMapper json, Validator validator, int maxRows) throws IOException {
        // decimals as written: read as doubles, 1e-999999999 became 0.0 and was accepted as a zero; and an object
        // with a key twice ("value": 1, "value": 5) is refused as broken JSON: bound, the last one silently won
        SubmissionRequest request = json.readerFor(SubmissionRequest.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readValue(body.toFile());
        if (request == null) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body", "The body is empty."));
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (request.observations().size() > maxRows) {
            throw new ProblemException(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-many-rows",
                    "A JSON submission holds at most " + maxRows + " rows; send larger loads as CSV."));
        }
        return new JsonRows(request.observations());
    }

    public int size() {
        return observations.size();
    }

    @Override
    public boolean hasNext() {
        return next < observations.size();
    }

    @Override
    public ObservationRow next() {
        int index = next++;
        ObservationInput in = observations.get(index);
        String pointer = "/observations/" + index;
        if (in == null) {
            return new ObservationRow(pointer, null, null, null, Map.of(), null, null, null, null);
        }
        return new ObservationRow(pointer, in.measure(), in.area(), in.period(),
                in.dimensions() == null ? Map.of() : in.dimensions(), text(in.value()), in.status(), in.comment(),
                in.action());
    }

    @Override
    public void close() {
        // bound in memory, nothing to release
    }

    private static final int PLAIN_SCALE = 20;

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            return value.asText();
        }
        // a JSON number as its plain decimal: Jackson keeps 110.0 as 1.1E+2 once trailing zeros are stripped, and
        // that text would read as a decimal with a point to the count rule (a whole number refused). Only for a
        // modest exponent: the plain form of 1e-999999999 is a billion characters.
        BigDecimal number = value.decimalValue().stripTrailingZeros();
        return Math.abs(number.scale()) <= PLAIN_SCALE ? number.toPlainString() : value.asText();
    }
}
