package eu.drugsplan.submissions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One observation of a JSON submission. The value is kept as JSON so that a string, a huge number or
 * a non-number is judged per row by the validator instead of failing the whole request.
 */
public record ObservationInput(
        String measure,
        String area,
        String period,
        Map<String, String> dimensions,
        // described as what a reporter must send; anything else is a conflict of its row, not an unreadable body
        @Schema(implementation = BigDecimal.class, description = "The observed value; absent only with a status the catalogue "
                + "marks as missing, or for a delete")
        JsonNode value,
        String status,
        String comment,
        String action) {
}
