package eu.drugsplan.submissions.service.plausibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.drugsplan.contracts.series.TextLimits;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A plausibility warning on an accepted row: where it is, which rule, a sentence a person understands, and the
 * figures it compared, side by side, so that a client can show them without parsing the message.
 *
 * @param series    the series key of the row
 * @param value     the row's value
 * @param reference what it was compared with: the value a year before (YEAR_ON_YEAR_CHANGE), the median of the
 *                  history (OUTLIER), the sum of the breakdown (TOTAL_NOT_SUM), the value before the jump
 *                  (BREAK_NOT_FLAGGED), the stored value (REVISION)
 * @param score     the relative change (YEAR_ON_YEAR_CHANGE, BREAK_NOT_FLAGGED, REVISION), the modified z-score
 *                  (OUTLIER) or the relative difference of the total (TOTAL_NOT_SUM)
 */
public record Warning(String row, String field, WarningCode code, String message, String series, String period,
                      BigDecimal value, BigDecimal reference, Double score,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(description = "Who accepted the warning, as which body, when and why; absent until then")
                      Acceptance accepted) {

    /** A reviewer's acceptance of a warning (issue 16): the warning stays, with the reason it was let through. */
    public record Acceptance(String by, String body, Instant at, String note) {
    }

    /** submission_warning.row_pointer, .field and .period are as wide as the conflicts' (V6__submission_warnings.sql). */
    static final int POINTER = 64;
    static final int MESSAGE = 1000;

    public Warning {
        row = TextLimits.clean(row, POINTER);
        message = TextLimits.clean(message, MESSAGE);
    }

    /** A warning as a rule raises it: not accepted. */
    public Warning(String row, String field, WarningCode code, String message, String series, String period,
                   BigDecimal value, BigDecimal reference, Double score) {
        this(row, field, code, message, series, period, value, reference, score, null);
    }
}
