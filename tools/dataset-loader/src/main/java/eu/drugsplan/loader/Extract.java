package eu.drugsplan.loader;

import java.util.ArrayList;
import java.util.List;

/** What reading one dataset gave: observations to submit and rows that could not be mapped. */
final class Extract {

    final List<Observation> observations = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();

    void add(Observation observation) {
        observations.add(observation);
    }

    void skip(String source, String row, String reason) {
        skipped.add(new Skipped(source, row, reason));
    }

    Extract addAll(Extract other) {
        observations.addAll(other.observations);
        skipped.addAll(other.skipped);
        return this;
    }
}
