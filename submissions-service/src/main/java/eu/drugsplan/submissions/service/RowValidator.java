package eu.drugsplan.submissions.service;

import eu.drugsplan.contracts.event.ObservationAction;
import eu.drugsplan.contracts.event.ObservationChange;
import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.contracts.series.TextLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges each row of one reporter's submission: first its shape, then against the catalogue snapshot the
 * submission started with. Every failed rule is a conflict naming the field and the rule, so a reporter can
 * fix all of a row at once. A row it accepts is storable everywhere after it: every text it carries on is a
 * code of the catalogue's form, a period, or a comment within {@link TextLimits}.
 */
public final class RowValidator {

    // "PIxx." and at most 59 more: a measure code is a code of TextLimits.CODE characters like any other
    private static final Pattern MEASURE = Pattern.compile("PI(0[1-9]|1[0-2])\\.[A-Z0-9_]{1,59}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.\\-]{0,63}");

    private final Catalogue catalogue;
    private final ReporterRights rights;
    private final PeriodRange years;

    public RowValidator(Catalogue catalogue, ReporterRights rights, PeriodRange years) {
        this.catalogue = catalogue;
        this.rights = rights;
        this.years = years;
    }

    /**
     * A row checked against the catalogue and the reporter's rights, read once: its conflicts, or the change it
     * asks for (action, value and status parsed), never both.
     */
    public record Checked(List<Conflict> conflicts, ObservationChange change) {

        static Checked refused(List<Conflict> conflicts) {
            return new Checked(conflicts, null);
        }
    }

    /** The conflicts of a row; none when the row is accepted. */
    public List<Conflict> validate(ObservationRow row) {
        return check(row).conflicts();
    }

    public Checked check(ObservationRow row) {
        if (row.refused() != null) {
            return Checked.refused(List.of(row.refused()));
        }
        List<Conflict> conflicts = new ArrayList<>(0);
        Optional<Catalogue.Measure> measure = checkMeasure(row, conflicts);
        Optional<Conflict> wildcard = wildcardDelete(row, measure);
        if (wildcard.isPresent()) {
            return Checked.refused(List.of(wildcard.get()));
        }
        boolean areaKnown = checkArea(row, conflicts);
        checkPeriod(row, measure, conflicts);
        checkDimensions(row, measure, conflicts);
        Optional<ObservationAction> action = action(row.action());
        if (action.isEmpty()) {
            conflicts.add(Conflict.of(row.pointer("action"), "action", ConflictCode.ACTION_INVALID, row.action()));
        }
        String statusCode = status(row);
        Catalogue.Code status = catalogue.codes(Catalogue.OBS_STATUS).get(statusCode);
        ValueRules.Read value = ValueRules.Read.of(null);
        if (status == null) {
            conflicts.add(Conflict.of(row.pointer("status"), "status", ConflictCode.STATUS_INVALID, row.status()));
        } else if (action.filter(a -> a == ObservationAction.DELETE).isEmpty()) {
            value = ValueRules.read(row, measure.map(Catalogue.Measure::unitKind), status.missing());
            if (value.conflict() != null) {
                conflicts.add(value.conflict());
            }
        }
        checkText(row, "comment", row.comment(), TextLimits.COMMENT, conflicts);
        measure.ifPresent(m -> checkRights(row, m, areaKnown, conflicts));
        return conflicts.isEmpty()
                ? new Checked(List.of(), new ObservationChange(action.get(), row.period(), value.value(), statusCode,
                        row.comment()))
                : Checked.refused(conflicts);
    }

    /** The row's status, "A" (normal) when none is given. */
    public static String status(ObservationRow row) {
        return row.status() == null || TextLimits.trimBlanks(row.status()).isEmpty() ? "A" : TextLimits.trimBlanks(row.status());
    }

    public static Optional<ObservationAction> action(String given) {
        if (given == null || TextLimits.trimBlanks(given).isEmpty()) {
            return Optional.of(ObservationAction.MERGE);
        }
        return switch (TextLimits.trimBlanks(given).toUpperCase(java.util.Locale.ROOT)) {
            // SDMX-CSV 2.0: I (information) is loaded as A (append), and append changes only what the row gives;
            // SDMX-ML 2.1 writes the data set's action as a word (Information, Append, Replace, Delete)
            case "I", "INFORMATION", "A", "M", "MERGE", "APPEND" -> Optional.of(ObservationAction.MERGE);
            case "R", "REPLACE" -> Optional.of(ObservationAction.REPLACE);
            case "D", "DELETE" -> Optional.of(ObservationAction.DELETE);
            default -> Optional.empty();
        };
    }

    /**
     * The numeric value; empty when the row carries none, and for a delete, which ignores its value (SDMX-CSV
     * marks a deleted value with "-"). Call only on a validated row.
     */
    public static Optional<BigDecimal> value(ObservationRow row) {
        boolean delete = action(row.action()).filter(a -> a == ObservationAction.DELETE).isPresent();
        return delete || isBlank(row.value()) ? Optional.empty() : Optional.of(new BigDecimal(TextLimits.trimBlanks(row.value())));
    }

    /**
     * SDMX-CSV lets a delete leave key components empty to delete every observation they match (its field
     * guide's examples 17 to 19). The store deletes one observation at a time, by full key and period, so such a
     * row is refused with one conflict saying so, rather than with the missing-field conflicts of a row that
     * forgot them.
     */
    private static Optional<Conflict> wildcardDelete(ObservationRow row, Optional<Catalogue.Measure> measure) {
        if (action(row.action()).filter(a -> a == ObservationAction.DELETE).isEmpty()) {
            return Optional.empty();
        }
        List<String> empty = new ArrayList<>();
        if (isBlank(row.area())) {
            empty.add("REF_AREA");
        }
        measure.ifPresent(m -> m.dimensions().stream().filter(d -> isBlank(row.dimensions().get(d))).forEach(empty::add));
        if (isBlank(row.period())) {
            empty.add("TIME_PERIOD");
        }
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Conflict(row.pointer("row"), "row", ConflictCode.DELETE_WILDCARD_UNSUPPORTED,
                ConflictCode.DELETE_WILDCARD_UNSUPPORTED.description() + " Left empty: " + String.join(", ", empty) + "."));
    }

    private Optional<Catalogue.Measure> checkMeasure(ObservationRow row, List<Conflict> conflicts) {
        if (isBlank(row.measure())) {
            conflicts.add(Conflict.of(row.pointer("measure"), "measure", ConflictCode.MEASURE_MISSING, row.measure()));
            return Optional.empty();
        }
        if (!MEASURE.matcher(row.measure()).matches()) {
            conflicts.add(Conflict.of(row.pointer("measure"), "measure", ConflictCode.MEASURE_INVALID, row.measure()));
            return Optional.empty();
        }
        Optional<Catalogue.Measure> measure = catalogue.measure(row.measure());
        if (measure.isEmpty()) {
            conflicts.add(Conflict.of(row.pointer("measure"), "measure", ConflictCode.MEASURE_UNKNOWN, row.measure()));
        }
        return measure;
    }

    private boolean checkArea(ObservationRow row, List<Conflict> conflicts) {
        if (isBlank(row.area())) {
            conflicts.add(Conflict.of(row.pointer("area"), "area", ConflictCode.AREA_MISSING, row.area()));
        } else if (!CODE.matcher(row.area()).matches()) {
            conflicts.add(Conflict.of(row.pointer("area"), "area", ConflictCode.AREA_INVALID, row.area()));
        } else if (!catalogue.hasCode(Catalogue.REF_AREA, row.area())) {
            conflicts.add(Conflict.of(row.pointer("area"), "area", ConflictCode.AREA_UNKNOWN, row.area()));
        } else {
            return true;
        }
        return false;
    }

    private void checkPeriod(ObservationRow row, Optional<Catalogue.Measure> measure, List<Conflict> conflicts) {
        Optional<Period> period = Period.parse(row.period());
        if (period.isEmpty()) {
            conflicts.add(Conflict.of(row.pointer("period"), "period", ConflictCode.PERIOD_INVALID, row.period()));
        } else if (!years.contains(period.get().year())) {
            conflicts.add(new Conflict(row.pointer("period"), "period", ConflictCode.PERIOD_OUT_OF_RANGE,
                    ConflictCode.PERIOD_OUT_OF_RANGE.description() + " Given: '" + row.period() + "', accepted: "
                            + years.earliestYear() + " to " + years.latestYear() + "."));
        } else if (measure.isPresent() && period.get().frequency() != measure.get().frequency()) {
            conflicts.add(new Conflict(row.pointer("period"), "period", ConflictCode.PERIOD_FREQUENCY_MISMATCH,
                    ConflictCode.PERIOD_FREQUENCY_MISMATCH.description() + " Given: '" + row.period() + "' ("
                            + period.get().frequency() + "), expected frequency " + measure.get().frequency() + "."));
        }
    }

    private void checkDimensions(ObservationRow row, Optional<Catalogue.Measure> measure, List<Conflict> conflicts) {
        for (Map.Entry<String, String> dimension : row.dimensions().entrySet()) {
            String field = "dimensions/" + dimension.getKey();
            if (!CODE.matcher(dimension.getKey()).matches() || dimension.getValue() == null
                    || !CODE.matcher(dimension.getValue()).matches()) {
                conflicts.add(Conflict.of(row.pointer(field), field, ConflictCode.DIMENSION_INVALID, dimension.getValue()));
            } else if (measure.isPresent() && !measure.get().dimensions().contains(dimension.getKey())) {
                conflicts.add(Conflict.of(row.pointer(field), field, ConflictCode.DIMENSION_UNKNOWN, dimension.getKey()));
            } else if (measure.isPresent() && !catalogue.hasCode(dimension.getKey(), dimension.getValue())) {
                conflicts.add(Conflict.of(row.pointer(field), field, ConflictCode.CODE_UNKNOWN, dimension.getValue()));
            }
        }
        measure.ifPresent(m -> m.dimensions().stream()
                .filter(d -> !row.dimensions().containsKey(d))
                .forEach(d -> conflicts.add(Conflict.of(row.pointer("dimensions/" + d), "dimensions/" + d, ConflictCode.DIMENSION_MISSING, null))));
    }

    /** A free text: storable characters first, then its length. */
    private static void checkText(ObservationRow row, String field, String text, int max, List<Conflict> conflicts) {
        if (!TextLimits.storable(text)) {
            conflicts.add(Conflict.of(row.pointer(field), field, ConflictCode.TEXT_NOT_ALLOWED, text));
        } else if (!TextLimits.fits(text, max)) {
            conflicts.add(new Conflict(row.pointer(field), field, ConflictCode.TEXT_TOO_LONG, ConflictCode.TEXT_TOO_LONG
                    .description() + " Given: " + text.length() + " characters, at most " + max + "."));
        }
    }

    private void checkRights(ObservationRow row, Catalogue.Measure measure, boolean areaKnown, List<Conflict> conflicts) {
        if (!rights.maySubmit(measure)) {
            conflicts.add(Conflict.of(row.pointer("measure"), "measure", ConflictCode.REPORTER_NOT_ALLOWED_MEASURE,
                    rights.reporter() + " -> " + measure.code()));
        }
        if (areaKnown && !rights.mayReportFor(row.area())) {
            conflicts.add(Conflict.of(row.pointer("area"), "area", ConflictCode.REPORTER_NOT_ALLOWED_AREA,
                    rights.reporter() + " -> " + row.area()));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || TextLimits.trimBlanks(text).isEmpty();
    }
}
