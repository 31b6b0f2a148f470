package eu.drugsplan.submissions.service;

import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.contracts.catalogue.ReporterKind;
import eu.drugsplan.contracts.catalogue.UnitKind;
import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.trend.DesiredDirection;
import eu.drugsplan.contracts.trend.MeasureProperties;
import eu.drugsplan.submissions.service.review.MeasureReview;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the catalogue, shaped for per-row lookups: validating a million rows must not
 * touch the network or the database.
 */
public record Catalogue(Map<String, Measure> measures, Map<String, Map<String, Code>> codelists,
                        Map<String, ReporterKind> reporters) {

    public static final String REF_AREA = "REF_AREA";
    public static final String OBS_STATUS = "OBS_STATUS";

    /**
     * dimensions: the codelist ids, in the catalogue's order; plausibility: the checks of its rows, null when the
     * catalogue defines none; unit: as the catalogue writes it ("number", "%"); review: who releases its rows;
     * trend: what the trend methods need for a draft trend (desired direction, the measure's own stable band).
     */
    public record Measure(String code, UnitKind unitKind, Frequency frequency, List<String> dimensions,
                          boolean memberStates, Set<String> agencies, Plausibility plausibility, String unit,
                          MeasureReview review, MeasureProperties trend) {

        public Measure(String code, UnitKind unitKind, Frequency frequency, List<String> dimensions,
                       boolean memberStates, Set<String> agencies, Plausibility plausibility, String unit,
                       MeasureReview review) {
            this(code, unitKind, frequency, dimensions, memberStates, agencies, plausibility, unit, review,
                    MeasureProperties.of(DesiredDirection.NONE));
        }

        public Measure(String code, UnitKind unitKind, Frequency frequency, List<String> dimensions,
                       boolean memberStates, Set<String> agencies, Plausibility plausibility, String unit) {
            this(code, unitKind, frequency, dimensions, memberStates, agencies, plausibility, unit,
                    MeasureReview.DEFAULT);
        }

        public Measure(String code, UnitKind unitKind, Frequency frequency, List<String> dimensions,
                       boolean memberStates, Set<String> agencies, Plausibility plausibility) {
            this(code, unitKind, frequency, dimensions, memberStates, agencies, plausibility, "");
        }
    }

    /**
     * missing: an OBS_STATUS code saying the value is missing. names: what a spreadsheet may call it besides its
     * code (label, a country's names and ISO codes, a bulletin column header).
     */
    public record Code(String code, String parent, boolean missing, List<String> names) {

        public Code(String code, String parent, boolean missing) {
            this(code, parent, missing, List.of());
        }
    }

    public Optional<Measure> measure(String code) {
        return Optional.ofNullable(measures.get(code));
    }

    public boolean hasCode(String codelist, String code) {
        return codes(codelist).containsKey(code);
    }

    public Map<String, Code> codes(String codelist) {
        return codelists.getOrDefault(codelist, Map.of());
    }

    public Optional<ReporterKind> reporter(String code) {
        return Optional.ofNullable(reporters.get(code));
    }
}
