package eu.drugsplan.submissions.service.plausibility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.catalogue.Plausibility;
import eu.drugsplan.contracts.catalogue.Plausibility.ConsistencyRule;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the checks on any rows (zeros, negatives, breaks, deletes, missing values, stored or not): they
 * never throw (a warning must never cost a row), every warning names a row of the chunk and a finite score, and a
 * row draws at most one of each code.
 */
class PlausibilityChecksProperties {

    private static final PlausibilityChecks CHECKS = new PlausibilityChecks(code -> Optional.of(new Plausibility(
            new BigDecimal("0.5"), new BigDecimal("3.5"), 3,
            List.of(new ConsistencyRule("SEX", "T", List.of("F", "M"), new BigDecimal("0.01"))))));

    record Row(String sex, int year, BigDecimal value, String status, boolean delete, boolean stored) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<BigDecimal> values = Arbitraries.oneOf(Arbitraries.of(BigDecimal.ZERO, new BigDecimal("1e-15")),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(3));
        return Combinators.combine(Arbitraries.of("T", "M", "F"), Arbitraries.integers().between(2000, 2012),
                        values.injectNull(0.1), Arbitraries.of("A", "B", "E", "M"), Arbitraries.of(false, false, true),
                        Arbitraries.of(false, true))
                .as(Row::new).list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void any_rows_are_checked_without_failing_and_every_warning_is_one_of_a_row(@ForAll("rows") List<Row> rows) {
        List<SubmittedValue> submitted = new ArrayList<>();
        Map<String, List<StoredValue>> stored = new java.util.HashMap<>();
        for (Row row : rows) {
            SeriesKey series = SeriesKey.of("PI09.X", "AT", Map.of("SEX", row.sex()));
            if (row.stored()) {
                stored.computeIfAbsent(series.toString(), k -> new ArrayList<>())
                        .add(new StoredValue(String.valueOf(row.year()), row.value(), row.status()));
            } else {
                submitted.add(new SubmittedValue("/observations/" + submitted.size(), series,
                        Period.of(String.valueOf(row.year())), row.delete() ? null : row.value(), row.status(),
                        row.delete()));
            }
        }

        List<Warning> warnings = CHECKS.check(submitted, stored);

        Set<String> pointers = submitted.stream().map(SubmittedValue::row).collect(Collectors.toSet());
        assertThat(warnings).allSatisfy(w -> {
            assertThat(pointers).contains(w.row());
            assertThat(w.score() == null || Double.isFinite(w.score())).isTrue();
            assertThat(w.message()).isNotBlank();
        });
        assertThat(warnings.stream().map(w -> w.row() + " " + w.code()).distinct().count())
                .isEqualTo(warnings.size());
    }
}
