package eu.drugsplan.submissions.rest;

import eu.drugsplan.submissions.service.ReviewService.RowNote;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the review steps; unknown fields are refused (quarkus.jackson.fail-on-unknown-properties). */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    public record Release(
            @Schema(description = "When the data becomes official (an embargo); absent or past: at once")
            Instant publishAt,
            @Size(max = 2000) String note) {
    }

    public record Return(
            @Schema(description = "Why, for the whole submission") @NotBlank @Size(max = 2000) String comment,
            @Schema(description = "Comments on single rows, by series key and period")
            @Size(max = 10000) List<@Valid @NotNull Row> rows) {
    }

    public record Row(@NotBlank @Size(max = 600) String series, @NotBlank @Size(max = 16) String period,
                      @NotBlank @Size(max = 2000) String comment) {

        RowNote note() {
            return new RowNote(series, period, comment);
        }
    }

    public record Withdraw(@Size(max = 2000) String note) {
    }
}
