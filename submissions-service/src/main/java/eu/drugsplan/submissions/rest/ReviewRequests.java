package eu.drugsplan.submissions.rest;

import eu.drugsplan.submissions.service.ReviewService.RowNote;
import eu.drugsplan.submissions.service.ReviewService.WarningRef;
import eu.drugsplan.submissions.service.plausibility.WarningCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    public record AcceptWarnings(
            @Schema(description = "The warnings, each by the row it is on and its code, as the import summary lists them")
            @NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull WarningOnRow> warnings,
            @Schema(description = "Why the values stand as sent") @NotBlank @Size(max = 2000) String note) {
    }

    public record WarningOnRow(@NotBlank @Size(max = 64) String row, @NotNull WarningCode code) {

        WarningRef ref() {
            return new WarningRef(row, code);
        }
    }

    public record ReleaseMany(
            @Schema(description = "The submissions, each released on its own (in its own transaction)")
            @NotNull @Size(min = 1, max = 100) List<@NotNull UUID> submissions,
            @Schema(description = "When the data becomes official (an embargo); absent or past: at once")
            Instant publishAt,
            @Size(max = 2000) String note) {
    }

    public record ReturnMany(
            @Schema(description = "The submissions, each returned on its own (in its own transaction)")
            @NotNull @Size(min = 1, max = 100) List<@NotNull UUID> submissions,
            @Schema(description = "Why, for each of them") @NotBlank @Size(max = 2000) String comment) {
    }

    public record Withdraw(@Size(max = 2000) String note) {
    }
}
