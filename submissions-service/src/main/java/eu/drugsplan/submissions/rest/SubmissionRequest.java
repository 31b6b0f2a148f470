package eu.drugsplan.submissions.rest;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The JSON submission envelope. */
public record SubmissionRequest(@NotNull(message = "observations is required") List<ObservationInput> observations) {
}
