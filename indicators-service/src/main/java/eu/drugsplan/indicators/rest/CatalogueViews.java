package eu.drugsplan.indicators.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.drugsplan.contracts.catalogue.Plausibility;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The catalogue as the API shows it. */
public final class CatalogueViews {

    private CatalogueViews() {
    }

    public record IndicatorSummary(String code, String title, List<String> measures) {
    }

    public record IndicatorView(String code, String title, String annexText, List<String> dataSources,
                                List<PriorityView> strategicPriorities, List<ActionView> actions,
                                List<MeasureView> measures) {
    }

    public record PriorityView(String code, String section, String title) {
    }

    public record ActionView(int number, String priority, String text, String responsible) {
    }

    /**
     * @param headline the headline selection: per dimension code list id, the code whose series answer the
     *                 policy question by default; a dimension not in it has every code as a headline series
     */
    public record MeasureView(String code, String indicator, String name, String description, String unit,
                              String unitKind, String frequency, String desiredDirection, String euTotalRule,
                              BigDecimal stableBandPercent, List<String> dimensions,
                              @Schema(description = "Headline selection: per dimension (code list id) the code whose "
                                      + "series answer the policy question by default; a dimension not listed has "
                                      + "every code as a headline series. The scoreboard counts only headline "
                                      + "series unless asked for all.")
                              Map<String, String> headline,
                              ReportersView reporters,
                              @Schema(description = "The agency that reviews and releases this measure's submissions "
                                      + "(a reporter of kind AGENCY), as Annex 2 of the EU Drugs Action Plan names "
                                      + "the body responsible for the indicator; only released data is official.")
                              String reviewingBody,
                              @Schema(description = "Whether the reviewing body's own submissions of this measure "
                                      + "are official at once (it publishes the data itself); everyone else's "
                                      + "submissions are always reviewed.")
                              boolean releaseOnSubmission,
                              String source,
                              @Schema(description = "The plausibility checks the intake runs on this measure's rows "
                                      + "(warnings, never rejections); null when the measure is not checked.")
                              Plausibility plausibility) {
    }

    /** Who may submit a measure: the Member States (and Reitox partners) and/or named agencies. */
    public record ReportersView(boolean memberStates, List<String> agencies) {
    }

    public record CodelistSummary(String id, String name, String description, int codes) {
    }

    public record CodelistView(String id, String name, String description, List<CodeView> codes) {
    }

    public record CodeView(String code, String label, String parent, JsonNode properties) {
    }

    public record ReporterView(String code, String name, String kind) {
    }
}
