package eu.drugsplan.reporting.service;

import eu.drugsplan.reporting.trend.DesiredDirection;

/** What a trend needs to know of its measure, and where that knowledge came from. */
public record MeasureFacts(String unit, DesiredDirection desiredDirection, double stableBandPercent, Source source) {

    public enum Source {
        CATALOGUE,
        NOT_IN_CATALOGUE,
        CATALOGUE_UNAVAILABLE
    }

    static MeasureFacts unknown(double stableBandPercent, Source source) {
        return new MeasureFacts(null, DesiredDirection.NONE, stableBandPercent, source);
    }
}
