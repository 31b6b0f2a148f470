package eu.drugsplan.contracts.trend;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The verdict on the whole series, from the Mann-Kendall test and the desired direction.
 *
 * @param assessment NOT_APPLICABLE for desired direction NONE whatever the data, else
 *                   INSUFFICIENT_DATA under {@link OverallAssessor#MIN_POINTS} points
 * @param reason     {@link Reasons#INSUFFICIENT_DATA} with that assessment, else null
 */
public record OverallAssessment(Label assessment, String reason) {

    @Schema(name = "OverallLabel")
    public enum Label {
        IMPROVING,
        DETERIORATING,
        NO_SIGNIFICANT_CHANGE,
        INSUFFICIENT_DATA,
        NOT_APPLICABLE
    }
}
