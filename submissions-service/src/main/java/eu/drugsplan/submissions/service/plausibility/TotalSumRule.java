package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.series.SeriesKey;
import eu.drugsplan.contracts.catalogue.Plausibility.ConsistencyRule;
import eu.drugsplan.contracts.series.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A total against the sum of its breakdown (SEX=T against M + F), for every total and period the chunk touches,
 * once the total and every part are known (from the chunk or the store). The warning goes to the total's row
 * when the chunk has it, else to the first row of a part.
 */
final class TotalSumRule {

    private TotalSumRule() {
    }

    /** The series a rule compares a row with: the total and every part, the row's other dimensions kept. */
    static List<SeriesKey> group(SeriesKey series, ConsistencyRule rule) {
        String code = series.dimensions().get(rule.dimension());
        if (code == null || !(code.equals(rule.total()) || rule.parts().contains(code))) {
            return List.of();
        }
        List<SeriesKey> group = new ArrayList<>();
        group.add(with(series, rule.dimension(), rule.total()));
        rule.parts().forEach(part -> group.add(with(series, rule.dimension(), part)));
        return group;
    }

    static List<Warning> check(ConsistencyRule rule, List<SubmittedValue> values,
                               Function<SeriesKey, SeriesValues> series) {
        Map<String, SubmittedValue> firstRow = new LinkedHashMap<>();
        Map<String, List<SeriesKey>> groups = new LinkedHashMap<>();
        for (SubmittedValue value : values) {
            List<SeriesKey> group = group(value.series(), rule);
            if (group.isEmpty()) {
                continue;
            }
            String key = group.get(0) + "|" + value.period().text();
            groups.putIfAbsent(key, group);
            SubmittedValue held = firstRow.get(key);
            boolean total = value.series().equals(group.get(0));
            if (held == null || total && !held.series().equals(group.get(0))) {
                firstRow.put(key, value);
            }
        }
        List<Warning> warnings = new ArrayList<>();
        groups.forEach((key, group) -> compare(rule, group, firstRow.get(key), series).ifPresent(warnings::add));
        return warnings;
    }

    private static Optional<Warning> compare(ConsistencyRule rule, List<SeriesKey> group, SubmittedValue row,
                                             Function<SeriesKey, SeriesValues> series) {
        Period period = row.period();
        Optional<BigDecimal> total = series.apply(group.get(0)).value(period);
        BigDecimal sum = BigDecimal.ZERO;
        for (SeriesKey part : group.subList(1, group.size())) {
            Optional<BigDecimal> value = series.apply(part).value(period);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.add(value.get());
        }
        if (total.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal difference = total.get().subtract(sum);
        if (difference.abs().compareTo(rule.tolerance().multiply(total.get().abs())) <= 0) {
            return Optional.empty();
        }
        Double relative = total.get().signum() == 0 ? null
                : difference.divide(total.get().abs(), MathContext.DECIMAL64).doubleValue();
        String message = WarningCode.TOTAL_NOT_SUM.description() + " " + rule.dimension() + "=" + rule.total()
                + ": " + SeriesRule.number(total.get()) + ", " + String.join(" + ", rule.parts()) + ": "
                + SeriesRule.number(sum) + " (difference " + SeriesRule.number(difference) + ", tolerance "
                + SeriesRule.percent(rule.tolerance().doubleValue()).substring(1) + " of the total) in "
                + period.text() + ".";
        return Optional.of(new Warning(row.row(), "value", WarningCode.TOTAL_NOT_SUM, message,
                group.get(0).toString(), period.text(), total.get(), sum, relative));
    }

    private static SeriesKey with(SeriesKey series, String dimension, String code) {
        TreeMap<String, String> dimensions = new TreeMap<>(series.dimensions());
        dimensions.put(dimension, code);
        return SeriesKey.of(series.measure(), series.area(), dimensions);
    }
}
