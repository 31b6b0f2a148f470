package eu.drugsplan.e2e;

import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.e2e.GeneratedSubmission.Format;
import eu.drugsplan.e2e.GeneratedSubmission.Row;
import java.math.BigDecimal;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of submissions from the catalogue: rows a Member State may rightly send (any measure open to it,
 * its dimensions and codes, a value its unit allows, any status, free text in any script), and the hostile
 * forms of those rows. What is "storable text" is {@link TextLimits}' definition, the one the intake and the
 * store share, so the generators and the suite cannot disagree about it silently.
 */
final class SubmissionGenerators {

    /** The years every rule accepts, before and after the configurable period range of issue 14. */
    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2024;

    private final GeneratedCatalogue catalogue;

    SubmissionGenerators(GeneratedCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A hostile change of a valid row, named so that a shrunk failure says what it was. */
    record Mutation(String name, UnaryOperator<Row> change, boolean jsonOnly) {

        Row apply(Row row) {
            return change.apply(row);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // --- valid rows ---------------------------------------------------------------------------------------

    Arbitrary<GeneratedCatalogue.Measure> measures() {
        return Arbitraries.of(catalogue.measures());
    }

    /** A row {@code area} may submit, with every field valid; status and comment present or not. */
    Arbitrary<Row> validRow(String area) {
        return measures().flatMap(measure -> validRow(area, measure));
    }

    Arbitrary<Row> validRow(String area, GeneratedCatalogue.Measure measure) {
        Arbitrary<String> period = Arbitraries.integers().between(FIRST_YEAR, LAST_YEAR).map(String::valueOf);
        Arbitrary<String> status = Arbitraries.of(catalogue.valueStatuses()).injectNull(0.4);
        Arbitrary<String> comment = storableComments().injectNull(0.4);
        return Combinators.combine(period, dimensions(measure), value(measure.unitKind()), status, comment)
                .as((p, dims, value, s, c) -> Row.of(measure.code(), area, p, dims, value).withStatus(s).withComment(c));
    }

    private Arbitrary<Map<String, String>> dimensions(GeneratedCatalogue.Measure measure) {
        Arbitrary<Map<String, String>> dimensions = Arbitraries.just(new LinkedHashMap<>());
        for (String dimension : measure.dimensions()) {
            Arbitrary<Map<String, String>> before = dimensions;
            dimensions = before.flatMap(map -> Arbitraries.of(catalogue.codes().get(dimension)).map(code -> {
                Map<String, String> more = new LinkedHashMap<>(map);
                more.put(dimension, code);
                return more;
            }));
        }
        return dimensions.map(java.util.Collections::unmodifiableMap);
    }

    /** A value the unit kind allows, written as a plain decimal (integers for counts). */
    static Arbitrary<String> value(String unitKind) {
        return switch (unitKind) {
            case "COUNT" -> Arbitraries.integers().between(0, 2_000_000).map(String::valueOf);
            case "PERCENT" -> decimals("0", "100");
            case "YEARS" -> decimals("0", "120");
            case "BINARY" -> Arbitraries.of("0", "1");
            case "SCORE" -> decimals("-1000000", "1000000");
            default -> decimals("0", "100000000");
        };
    }

    private static Arbitrary<String> decimals(String min, String max) {
        return Arbitraries.integers().between(0, 4).flatMap(scale -> Arbitraries.bigDecimals()
                .between(new BigDecimal(min), new BigDecimal(max)).ofScale(scale)).map(BigDecimal::toPlainString);
    }

    /**
     * Free text people write in a comment: any script, emoji (surrogate pairs), quotes, separators, line
     * breaks and tabs, text that looks like a formula, up to the documented 1000 characters.
     */
    static Arbitrary<String> storableComments() {
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(2, Arbitraries.of(" ", "  ", ", ", "; ", "\"", "'", "\"\"", "\n", "\t", "\r\n", "%", "\\", "/")),
                Tuple.of(2, Arbitraries.of("é", "ß", "Ø", "Ł", "ő", "Ж", "Ω", "ğ", "ı", "€", "中文", "日本", "\u00A0", "\u200B",
                        "\u202E", "😀", "👩‍⚕️", "🇪🇺", "𝄞")),
                Tuple.of(1, Arbitraries.of("=1+1", "+M+cmd", "-3 % on 2020", "@SUM(A1)", "=HYPERLINK(\"x\")",
                        "'; DROP TABLE observation; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "null", "NaN")));
        Arbitrary<String> shortText = fragment.list().ofMinSize(1).ofMaxSize(30).map(parts -> String.join("", parts));
        Arbitrary<String> atTheLimit = Arbitraries.of("x".repeat(TextLimits.COMMENT), "é".repeat(TextLimits.COMMENT),
                "😀".repeat(TextLimits.COMMENT / 2), "a,\"b\"\n".repeat(TextLimits.COMMENT / 6));
        return Arbitraries.frequencyOf(Tuple.of(12, shortText), Tuple.of(1, atTheLimit))
                .filter(text -> !text.isBlank() && TextLimits.fits(text, TextLimits.COMMENT));
    }

    /** One to {@code max} valid rows of {@code area}, no two for the same observation, in a format. */
    Arbitrary<GeneratedSubmission> validSubmission(String area, int max) {
        Arbitrary<Format> format = Arbitraries.of(Format.values());
        return format.flatMap(f -> rowsFor(f, area, max).flatMap(rows -> Arbitraries.longs()
                .map(layout -> new GeneratedSubmission(f, rows, layout))));
    }

    private Arbitrary<List<Row>> rowsFor(Format format, String area, int max) {
        if (format == Format.SDMX_CSV) {
            // one dataflow per file, as SDMX tools write them
            return measures().flatMap(m -> validRow(area, m).list().ofMinSize(1).ofMaxSize(max).uniqueElements(Row::key));
        }
        return validRow(area).list().ofMinSize(1).ofMaxSize(max).uniqueElements(Row::key);
    }

    // --- hostile rows -------------------------------------------------------------------------------------

    /** Text that no store can keep or no rule allows in a comment: each must make its row rejected. */
    static Arbitrary<String> unstorableText() {
        Arbitrary<String> control = Arbitraries.chars().range('\u0000', '\u001F').filter(c -> c != '\t' && c != '\n' && c != '\r')
                .map(String::valueOf);
        Arbitrary<String> other = Arbitraries.of("\u007F", "\u0085", "\u009F", "\uD800", "\uDBFF", "\uDC00", "\uFFFE", "\uFFFF");
        Arbitrary<String> bad = Arbitraries.oneOf(control, other);
        Arbitrary<String> embedded = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), bad,
                Arbitraries.strings().alpha().ofMaxLength(8)).as((a, b, c) -> a + b + c);
        Arbitrary<String> tooLong = Arbitraries.integers().between(TextLimits.COMMENT + 1, 20_000)
                .flatMap(n -> Arbitraries.of("x", "é", "😀").map(s -> s.repeat(s.length() == 2 ? n / 2 + 1 : n)));
        return Arbitraries.frequencyOf(Tuple.of(3, embedded), Tuple.of(1, tooLong)).filter(t -> !TextLimits.fits(t, TextLimits.COMMENT));
    }

    /**
     * Changes that make a valid row one the intake must reject (never accept, never fail on), each one of
     * the failures of issue 14 or one of its documented rules.
     */
    Arbitrary<Mutation> rejectingMutations() {
        int nextYear = Year.now().getValue() + 1;
        Arbitrary<Mutation> unstorableComment = unstorableText()
                .map(t -> new Mutation("comment " + RawHttp.abbreviate(t, 40), r -> r.withComment(t), false));
        Arbitrary<Mutation> unstorableCode = Combinators.combine(Arbitraries.of("area", "period", "status", "dimension code",
                "measure", "action"), unstorableText()).as((field, t) -> new Mutation(field + " " + RawHttp.abbreviate(t, 40),
                        r -> switch (field) {
                            case "area" -> r.withArea(r.area() + t);
                            case "period" -> r.withPeriod(r.period() + t);
                            case "status" -> r.withStatus("A" + t);
                            case "measure" -> r.withMeasure(r.measure() + t);
                            case "action" -> r.withAction("I" + t);
                            default -> r.withDimensions(replaceFirstCode(r.dimensions(), t));
                        }, false));
        Arbitrary<Mutation> longDimensionName = Combinators.combine(Arbitraries.integers().between(54, 400),
                Arbitraries.of("A", "SEX_", "é", "\u0000")).as((n, s) -> new Mutation("a dimension name of " + n + " x '"
                        + RawHttp.abbreviate(s, 4) + "'", r -> r.withDimensions(plus(r.dimensions(), s.repeat(n), "M")), false));
        Arbitrary<Mutation> year = Arbitraries.of("0000", "0001", "0999", "1000", "1899", "9999",
                String.valueOf(nextYear + 1), String.valueOf(nextYear + 50)).map(y -> new Mutation("year " + y, r -> r.withPeriod(y), false));
        Arbitrary<Mutation> countSeparators = Arbitraries.of("1.234", "12.5", "0.5", "2.000.000", "1,234", "1 234",
                "1'234", "1_234", "1.234,5", "1,234.5").map(v -> new Mutation("count " + v, r -> countRow(r).withValue(v,
                        !v.matches("[0-9]+(\\.[0-9]+)?")), false));
        Arbitrary<Mutation> duplicatedJsonKey = Arbitraries.of("\"value\": 5", "\"value\": \"5\"", "\"period\": \"2001\"",
                "\"comment\": \"again\"", "\"status\": \"E\"").map(member -> new Mutation("JSON key given twice: " + member,
                        r -> withDuplicatedMember(r, member), true));
        return Arbitraries.oneOf(unstorableComment, unstorableCode, longDimensionName, year, countSeparators, duplicatedJsonKey);
    }

    /** The row moved to a count measure, so that a value with separators can be judged by the count rule. */
    private Row countRow(Row row) {
        GeneratedCatalogue.Measure count = catalogue.measures().stream().filter(m -> m.unitKind().equals("COUNT"))
                .filter(m -> m.code().equals(row.measure())).findFirst()
                .orElse(catalogue.measures().stream().filter(m -> m.unitKind().equals("COUNT")).findFirst().orElseThrow());
        if (count.code().equals(row.measure())) {
            return row;
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        count.dimensions().forEach(d -> dimensions.put(d, catalogue.codes().get(d).get(0)));
        return row.withMeasure(count.code()).withDimensions(dimensions);
    }

    private static Map<String, String> replaceFirstCode(Map<String, String> dimensions, String text) {
        if (dimensions.isEmpty()) {
            return Map.of("SEX", "M" + text);
        }
        Map<String, String> changed = new LinkedHashMap<>(dimensions);
        String first = changed.keySet().iterator().next();
        changed.put(first, changed.get(first) + text);
        return changed;
    }

    private static Map<String, String> plus(Map<String, String> dimensions, String name, String code) {
        Map<String, String> more = new LinkedHashMap<>(dimensions);
        more.put(name, code);
        return more;
    }

    /** The row with a member written a second time in its JSON object (first value first). */
    private static Row withDuplicatedMember(Row row, String member) {
        Row base = row.value() == null ? row.withValue("1", false) : row;
        if (member.startsWith("\"comment\"") && base.comment() == null) {
            base = base.withComment("first");
        }
        if (member.startsWith("\"status\"") && base.status() == null) {
            base = base.withStatus("A");
        }
        return base.withJsonExtra(member);
    }

    /** A submission of one to four rows of {@code area}, each valid but for one rejecting change. */
    Arbitrary<GeneratedSubmission> rejectedSubmission(String area) {
        Arbitrary<List<Row>> rows = Combinators.combine(validRow(area), rejectingMutations()).as((row, m) -> m.apply(row))
                .list().ofMinSize(1).ofMaxSize(4);
        return rows.flatMap(list -> {
            boolean jsonOnly = list.stream().anyMatch(r -> r.jsonExtra() != null);
            Arbitrary<Format> format = jsonOnly ? Arbitraries.just(Format.JSON) : Arbitraries.of(Format.values());
            return Combinators.combine(format, Arbitraries.longs()).as((f, layout) -> new GeneratedSubmission(f, list, layout));
        });
    }
}
