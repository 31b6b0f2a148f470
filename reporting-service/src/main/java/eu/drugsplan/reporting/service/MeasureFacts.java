package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.trend.DesiredDirection;
import java.util.List;

/**
 * What a trend needs to know of its measure, and where that knowledge came from.
 *
 * @param indicator  the performance indicator the measure belongs to, null when unknown
 * @param dimensions the measure's dimension code list ids, empty when unknown
 * @param headline   the catalogue's headline selection, none when unknown (then every series counts)
 */
public record MeasureFacts(String unit, DesiredDirection desiredDirection, double stableBandPercent, Source source,
                           String indicator, EuTotalRule euTotalRule, List<String> dimensions,
                           HeadlineSelection headline) {

    public enum Source {
        CATALOGUE,
        NOT_IN_CATALOGUE,
        CATALOGUE_UNAVAILABLE
    }

    public MeasureFacts {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        headline = headline == null ? HeadlineSelection.NONE : headline;
    }

    static MeasureFacts unknown(double stableBandPercent, Source source) {
        return new MeasureFacts(null, DesiredDirection.NONE, stableBandPercent, source, null, EuTotalRule.UNKNOWN,
                List.of(), HeadlineSelection.NONE);
    }

    /** True when the catalogue answered, so its dimension list is the whole truth. */
    public boolean known() {
        return source == Source.CATALOGUE;
    }
}
