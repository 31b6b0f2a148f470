package eu.drugsplan.submissions.service.plausibility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.contracts.catalogue.Plausibility.ConsistencyRule;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against the independent reference of src/test/resources/plausibility/reference.py, which computed
 * the expected warnings (code, compared figure, score) from the real Eurostat drug law offences of every country
 * (with and without the known breaks of Austria 2013, Belgium 2014 and France 2016 flagged), a revision of
 * Austria's series, and the drug-dependence deaths of Austria, Germany and France by sex (as published, with one
 * total off by one, and a total or a part sent alone against stored values).
 */
class PlausibilityChecksTest {

    /** The checks the reference assumes: those V11 writes into the catalogue for the two measures. */
    private static final Map<String, Plausibility> CATALOGUE = Map.of(
            "PI01.DRUG_LAW_OFFENCES", new Plausibility(new BigDecimal("0.5"), new BigDecimal("3.5"), 8, List.of()),
            "PI09.DRUG_DEPENDENCE_DEATHS", new Plausibility(new BigDecimal("0.5"), new BigDecimal("3.5"), 8,
                    List.of(new ConsistencyRule("SEX", "T", List.of("F", "M"), BigDecimal.ZERO))));

    private static final PlausibilityChecks CHECKS = new PlausibilityChecks(code -> Optional.ofNullable(CATALOGUE.get(code)));

    record Case(String name, Map<String, List<StoredValue>> stored, List<SubmittedValue> submitted,
                List<String[]> expected) {

        @Override
        public String toString() {
            return name + " (" + submitted.size() + " rows, " + expected.size() + " warnings)";
        }
    }

    static Stream<Case> cases() throws IOException {
        Map<String, Map<String, List<StoredValue>>> stored = new LinkedHashMap<>();
        Map<String, List<SubmittedValue>> submitted = new LinkedHashMap<>();
        for (String[] r : csv("cases.tsv")) {
            SeriesKey series = SeriesKey.of(r[3], r[4], dimensions(r[5]));
            if (r[1].equals("stored")) {
                stored.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).computeIfAbsent(series.toString(),
                        k -> new ArrayList<>()).add(new StoredValue(r[6], new BigDecimal(r[7]), r[8]));
            } else {
                submitted.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new SubmittedValue(r[2], series,
                        Period.of(r[6]), new BigDecimal(r[7]), r[8], false));
            }
        }
        Map<String, List<String[]>> expected = new LinkedHashMap<>();
        for (String[] r : csv("expected.tsv")) {
            expected.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        return submitted.keySet().stream().map(name -> new Case(name, stored.getOrDefault(name, Map.of()),
                submitted.get(name), expected.getOrDefault(name, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void warningsAreThoseOfTheReference(Case c) {
        List<Warning> warnings = CHECKS.check(c.submitted(), c.stored());

        assertThat(warnings.stream().map(w -> w.row() + " " + w.code() + " " + w.series() + " " + w.period()))
                .containsExactlyElementsOf(c.expected().stream().map(e -> e[1] + " " + e[2] + " " + e[3] + " " + e[4])
                        .toList());
        for (int i = 0; i < warnings.size(); i++) {
            Warning w = warnings.get(i);
            String[] e = c.expected().get(i);
            assertThat(w.value()).as("value of %s", String.join(" ", e)).isEqualByComparingTo(e[5]);
            assertThat(w.reference()).as("reference of %s", String.join(" ", e)).isEqualByComparingTo(e[6]);
            if (e[7].isEmpty()) {
                assertThat(w.score()).isNull();
            } else {
                double score = Double.parseDouble(e[7]);
                assertThat(w.score()).as("score of %s", String.join(" ", e)).isCloseTo(score, org.assertj.core.data.Offset
                        .offset(Math.abs(score) * 1e-12));
            }
            assertThat(w.message()).startsWith(w.code().description()).doesNotContain("null");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMeasureWithoutChecksDrawsNone(Case c) {
        PlausibilityChecks none = new PlausibilityChecks(code -> Optional.empty());

        assertThat(none.check(c.submitted(), c.stored())).isEmpty();
        assertThat(none.seriesToRead(c.submitted())).isEmpty();
    }

    private static Map<String, String> dimensions(String text) {
        Map<String, String> dimensions = new TreeMap<>();
        if (!text.isEmpty()) {
            Arrays.stream(text.split(";")).map(p -> p.split("=")).forEach(p -> dimensions.put(p[0], p[1]));
        }
        return dimensions;
    }

    /** The reference's tab-separated files: no field is quoted or holds a tab. */
    private static List<String[]> csv(String name) throws IOException {
        try (InputStream in = PlausibilityChecksTest.class.getResourceAsStream("/plausibility/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines).skip(1).map(l -> l.split("\t", -1)).toList();
        }
    }
}
