package eu.drugsplan.reporting.service;

import eu.drugsplan.contracts.trend.OverallAssessment.Label;
import eu.drugsplan.reporting.service.ScoreboardView.Counts;
import java.util.EnumMap;
import java.util.Map;

/** Series counted by overall assessment label (a series without a label counts in the total only). */
final class Tally {

    private long series;
    private final Map<Label, Long> byLabel = new EnumMap<>(Label.class);

    void add(Label label, long count) {
        series += count;
        if (label != null) {
            byLabel.merge(label, count, Long::sum);
        }
    }

    void add(String label, long count) {
        add(label == null ? null : Label.valueOf(label), count);
    }

    Counts counts() {
        return new Counts(series, of(Label.IMPROVING), of(Label.DETERIORATING), of(Label.NO_SIGNIFICANT_CHANGE),
                of(Label.INSUFFICIENT_DATA), of(Label.NOT_APPLICABLE));
    }

    private long of(Label label) {
        return byLabel.getOrDefault(label, 0L);
    }
}
