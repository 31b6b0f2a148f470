package eu.drugsplan.submissions.service;

import eu.drugsplan.submissions.repository.Submission;
import eu.drugsplan.submissions.service.review.ReviewState;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a submission's accepted rows stand on their way to becoming official; null when nothing was accepted. */
@Schema(description = "The review of the accepted rows: IN_REVIEW -> RELEASED (waiting for publishAt) -> OFFICIAL, "
        + "or RETURNED / WITHDRAWN (never official). Released on submission: OFFICIAL at once.")
public record ReviewView(
        ReviewState state,
        @Schema(description = "The bodies that must release the rows (the catalogue's reviewing body of each measure)")
        Set<String> reviewingBodies,
        Set<String> releasedBy,
        @Schema(description = "When the release becomes official (the end of an embargo)")
        Instant publishAt,
        @Schema(description = "When its data became official (public reads show it from then on)")
        Instant officialAt,
        @Schema(description = "The reviewer's comment on the whole, when it was returned")
        String comment) {

    public static ReviewView of(Submission s) {
        return s.reviewState == null ? null : new ReviewView(s.reviewState, s.reviewingBodies(), s.releasedBy(),
                s.publishAt, s.officialAt, s.reviewComment);
    }
}
