package eu.drugsplan.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.contracts.series.TextLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated rows, most of them nearly valid, with any UTF-16 code unit (NUL, controls, lone surrogates,
 * noncharacters) and lengths on both sides of each limit: the validator never throws, a row it accepts carries
 * only texts every store can hold, and a conflict is always storable. Seeded: a failure prints its seed.
 */
class RowValidatorProperties {

    private final RowValidator validator = Rows.validator();

    @Property(seed = "20261201", tries = 3000)
    void validation_never_throws_and_its_conflicts_are_always_storable(@ForAll("rows") ObservationRow row) {
        List<Conflict> conflicts = validator.validate(row);

        Statistics.label("accepted").collect(conflicts.isEmpty());
        assertThat(conflicts).allSatisfy(RowValidatorTest::storable);
    }

    @Property(seed = "20261202", tries = 5000)
    void an_accepted_row_carries_only_storable_texts_within_their_limits(@ForAll("rows") ObservationRow row) {
        if (!validator.validate(row).isEmpty()) {
            return;
        }
        assertThat(TextLimits.fits(row.measure(), TextLimits.CODE)).isTrue();
        assertThat(TextLimits.fits(row.area(), TextLimits.CODE)).isTrue();
        assertThat(TextLimits.fits(row.period(), TextLimits.PERIOD)).isTrue();
        assertThat(TextLimits.fits(RowValidator.status(row), TextLimits.CODE)).isTrue();
        assertThat(TextLimits.fits(row.comment(), TextLimits.COMMENT)).isTrue();
        row.dimensions().forEach((name, code) -> {
            assertThat(TextLimits.fits(name, TextLimits.CODE)).isTrue();
            assertThat(TextLimits.fits(code, TextLimits.CODE)).isTrue();
        });
        // the value is read once more when the event is built: it must parse, or be ignored for a delete
        RowValidator.value(row);
    }

    @Property(seed = "20261203", tries = 1000)
    void the_pipeline_never_throws_on_a_generated_submission(@ForAll @IntRange(min = 1, max = 40) int size,
                                                             @ForAll("rowLists") List<ObservationRow> rows) {
        IntakePipeline pipeline = IntakePipelineTest.pipeline();
        rows.stream().limit(size).forEach(pipeline::consume);
        IntakePipeline.Chunk chunk = pipeline.takeChunk();

        SubmissionCounts counts = pipeline.counts();
        assertThat(counts.accepted() + counts.deleted() + counts.rejected()).isEqualTo(counts.received());
        assertThat(chunk.conflicts()).allSatisfy(RowValidatorTest::storable);
    }

    @Property(seed = "20261204", tries = 3000)
    void a_conflict_quoting_anything_fits_its_columns(@ForAll("anyText") String pointer, @ForAll("anyText") String field,
                                                      @ForAll("anyText") String given) {
        Conflict conflict = Conflict.of(pointer, field, ConflictCode.DIMENSION_INVALID, given);

        RowValidatorTest.storable(conflict);
        // read back from the database it is built again: cleaning what is clean changes nothing
        assertThat(new Conflict(conflict.row(), conflict.field(), conflict.code(), conflict.message())).isEqualTo(conflict);
    }

    @Property(seed = "20261205", tries = 3000)
    void clean_text_is_storable_within_its_bound(@ForAll("anyText") String text, @ForAll @IntRange(min = 1, max = 80) int max) {
        String cleaned = TextLimits.clean(text, max);

        assertThat(TextLimits.fits(cleaned, max)).as("'%s' cut to %d", cleaned, max).isTrue();
        assertThat(TextLimits.clean(cleaned, max)).isEqualTo(cleaned);
        if (TextLimits.fits(text, max)) {
            assertThat(cleaned).isEqualTo(text);
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(120),
                Arbitraries.strings().withChars("ab\u0000\t\n\uD83D\uDE00\uFFFF").ofMaxLength(90));
    }

    @Provide
    Arbitrary<List<ObservationRow>> rowLists() {
        // few distinct keys, so that repeats and duplicates are frequent
        Arbitrary<ObservationRow> row = Combinators.combine(Arbitraries.of("2020", "2021"), Arbitraries.of("M", "F"),
                Arbitraries.of("1", "2", "1.5", "-", "x").injectNull(0.2), Arbitraries.of("D", "M", "Q").injectNull(0.5),
                Arbitraries.of("c", "c\u0000").injectNull(0.5)).as((period, sex, value, action, comment) -> new ObservationRow(
                "/observations/0", Rows.DEATHS, "AT", period, Map.of("SEX", sex, "AGE", "TOTAL"), value, null,
                comment, action));
        return row.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<ObservationRow> rows() {
        Arbitrary<Map<String, String>> deathsDimensions = Combinators.combine(Arbitraries.of("M", "F", "T", "X"),
                Arbitraries.of("TOTAL", "Y15-24")).as((sex, age) -> Map.of("SEX", sex, "AGE", age));
        Arbitrary<ObservationRow> measureAndDimensions = Arbitraries.frequencyOf(
                Tuple.of(7, deathsDimensions.map(d -> row(Rows.DEATHS, d))),
                Tuple.of(2, Arbitraries.of(Rows.COVERAGE, Rows.ASSETS).map(m -> row(m, Map.of()))),
                Tuple.of(1, Combinators.combine(Arbitraries.oneOf(anyText(),
                        Arbitraries.strings().ofMaxLength(70).map(t -> "PI09." + t)),
                        Arbitraries.maps(anyText(), anyText()).ofMaxSize(3)).as(RowValidatorProperties::row)));
        Arbitrary<String> area = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of("AT", "DE")), Tuple.of(1, anyText()));
        Arbitrary<String> period = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1895, 2030).map(Object::toString)),
                Tuple.of(1, Arbitraries.of("0000", "9999", "2021-03", "2021-W05", "0000-01-01", "")),
                Tuple.of(1, anyText()));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(-5, 5000).map(Object::toString)),
                Tuple.of(1, Arbitraries.bigDecimals().between(new BigDecimal("-1e3"), new BigDecimal("1e3"))
                        .ofScale(3).map(BigDecimal::toPlainString)),
                Tuple.of(1, Arbitraries.of("-", "NaN", "1e999", "1e-999999999", "12.0", "1.234", "1E+3", " 7 ", "")),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(90).ofMaxLength(200)),
                Tuple.of(1, anyText())).injectNull(0.05);
        Arbitrary<String> status = Arbitraries.of("A", "P", "M", " A ", "Z", "\u0000").injectNull(0.6);
        Arbitrary<String> comment = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMinLength(990).ofMaxLength(1010)),
                Tuple.of(1, anyText())).injectNull(0.4);
        Arbitrary<String> action = Arbitraries.of("I", "M", "R", "D", "delete", "X", "\u0000").injectNull(0.6);
        return Combinators.combine(measureAndDimensions, area, period, value, status, comment, action)
                .as((r, a, p, v, s, c, x) -> new ObservationRow("/observations/7", r.measure(), a, p, r.dimensions(), v,
                        s, c, x));
    }

    private static ObservationRow row(String measure, Map<String, String> dimensions) {
        return new ObservationRow("/observations/7", measure, null, null, dimensions, null, null, null, null);
    }
}
