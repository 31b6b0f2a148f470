package eu.drugsplan.submissions.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import eu.drugsplan.contracts.catalogue.Plausibility;
import java.util.List;

/** The parts of indicators-service's catalogue views that validation needs; anything else is ignored. */
public final class CatalogueDtos {

    private CatalogueDtos() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureDto(String code, String unit, String unitKind, String frequency, List<String> dimensions,
                             ReportersDto reporters, Plausibility plausibility, String reviewingBody,
                             Boolean releaseOnSubmission, String desiredDirection, Double stableBandPercent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportersDto(boolean memberStates, List<String> agencies) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CodelistDto(String id, List<CodeDto> codes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CodeDto(String code, String label, String parent, JsonNode properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReporterDto(String code, String kind) {
    }
}
