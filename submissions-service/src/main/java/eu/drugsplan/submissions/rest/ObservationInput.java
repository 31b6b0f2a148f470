package eu.drugsplan.submissions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One observation of a JSON submission. The value is kept as JSON so that a string, a huge number or
 * a non-number is judged per row by the validator instead of failing the whole request.
 */
public record ObservationInput(
        String measure,
        String area,
        String period,
        Map<String, String> dimensions,
        JsonNode value,
        String status,
        String comment,
        String action) {
}
