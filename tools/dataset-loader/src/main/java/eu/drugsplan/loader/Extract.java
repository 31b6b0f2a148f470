package eu.drugsplan.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading one dataset gave: observations to submit (or, for a spreadsheet posted as it is, to read back),
 * the spreadsheets to post, and rows that could not be mapped.
 */
final class Extract {

    final List<Observation> observations = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    final List<Upload> uploads = new ArrayList<>();

    void add(Observation observation) {
        observations.add(observation);
    }

    void skip(String source, String row, String reason) {
        skipped.add(new Skipped(source, row, reason));
    }

    /**
     * One value per observation key: when two tables give the same key (the 2019 methadone series and the OST
     * table of 2017, the 2020 and 2024 bulletins' surveys), the later one stands and the earlier is reported.
     */
    Extract latestPerKey() {
        java.util.Map<String, Observation> byKey = new java.util.LinkedHashMap<>();
        for (Observation o : observations) {
            Observation earlier = byKey.remove(o.key());
            if (earlier != null && earlier.value().compareTo(o.value()) != 0) {
                skip(earlier.source(), earlier.key(), "revised by " + o.source() + " (" + earlier.value() + " -> " + o.value() + ")");
            }
            byKey.put(o.key(), o);
        }
        observations.clear();
        observations.addAll(byKey.values());
        return this;
    }

    Extract addAll(Extract other) {
        observations.addAll(other.observations);
        skipped.addAll(other.skipped);
        uploads.addAll(other.uploads);
        return this;
    }
}
