package eu.drugsplan.submissions.service;

import eu.drugsplan.common.event.ObservationAction;
import eu.drugsplan.common.series.Period;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the shape of each row; the conflicts it returns name the field and the rule that failed. */
@ApplicationScoped
public class RowValidator {

    private static final Pattern MEASURE = Pattern.compile("PI(0[1-9]|1[0-2])\\.[A-Z0-9_]{1,60}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.\\-]{0,63}");
    /** SDMX CL_OBS_STATUS. */
    static final Set<String> OBS_STATUS = Set.of("A", "B", "D", "E", "F", "I", "K", "L", "M", "N", "O", "P", "S", "U", "V");
    /** Status codes that say the value is missing, so no value is expected. */
    static final Set<String> MISSING_STATUS = Set.of("L", "M", "O");

    public List<Conflict> validate(ObservationRow row) {
        List<Conflict> conflicts = new ArrayList<>();
        checkMeasure(row, conflicts);
        checkArea(row, conflicts);
        if (Period.parse(row.period()).isEmpty()) {
            conflicts.add(Conflict.of(row.pointer(), "period", ConflictCode.PERIOD_INVALID, row.period()));
        }
        checkDimensions(row, conflicts);
        Optional<ObservationAction> action = action(row.action());
        if (action.isEmpty()) {
            conflicts.add(Conflict.of(row.pointer(), "action", ConflictCode.ACTION_INVALID, row.action()));
        }
        if (!OBS_STATUS.contains(status(row))) {
            conflicts.add(Conflict.of(row.pointer(), "status", ConflictCode.STATUS_INVALID, row.status()));
        } else if (action.filter(a -> a == ObservationAction.DELETE).isEmpty()) {
            checkValue(row, conflicts);
        }
        return conflicts;
    }

    /** The row's status, "A" (normal) when none is given. */
    public static String status(ObservationRow row) {
        return row.status() == null || row.status().isBlank() ? "A" : row.status().trim();
    }

    public static Optional<ObservationAction> action(String given) {
        if (given == null || given.isBlank()) {
            return Optional.of(ObservationAction.MERGE);
        }
        return switch (given.trim().toUpperCase()) {
            case "I", "M", "MERGE" -> Optional.of(ObservationAction.MERGE);
            case "R", "REPLACE" -> Optional.of(ObservationAction.REPLACE);
            case "D", "DELETE" -> Optional.of(ObservationAction.DELETE);
            default -> Optional.empty();
        };
    }

    /** The numeric value; empty when the row carries none. Call only on a validated row. */
    public static Optional<BigDecimal> value(ObservationRow row) {
        return row.value() == null || row.value().isBlank() ? Optional.empty() : Optional.of(new BigDecimal(row.value().trim()));
    }

    private void checkMeasure(ObservationRow row, List<Conflict> conflicts) {
        if (row.measure() == null || row.measure().isBlank()) {
            conflicts.add(Conflict.of(row.pointer(), "measure", ConflictCode.MEASURE_MISSING, row.measure()));
        } else if (!MEASURE.matcher(row.measure()).matches()) {
            conflicts.add(Conflict.of(row.pointer(), "measure", ConflictCode.MEASURE_INVALID, row.measure()));
        }
    }

    private void checkArea(ObservationRow row, List<Conflict> conflicts) {
        if (row.area() == null || row.area().isBlank()) {
            conflicts.add(Conflict.of(row.pointer(), "area", ConflictCode.AREA_MISSING, row.area()));
        } else if (!CODE.matcher(row.area()).matches()) {
            conflicts.add(Conflict.of(row.pointer(), "area", ConflictCode.AREA_INVALID, row.area()));
        }
    }

    private void checkDimensions(ObservationRow row, List<Conflict> conflicts) {
        for (Map.Entry<String, String> dimension : row.dimensions().entrySet()) {
            if (!CODE.matcher(dimension.getKey()).matches() || dimension.getValue() == null
                    || !CODE.matcher(dimension.getValue()).matches()) {
                conflicts.add(Conflict.of(row.pointer(), "dimensions/" + dimension.getKey(),
                        ConflictCode.DIMENSION_INVALID, dimension.getValue()));
            }
        }
    }

    private void checkValue(ObservationRow row, List<Conflict> conflicts) {
        boolean missingStatus = MISSING_STATUS.contains(status(row));
        if (row.value() == null || row.value().isBlank()) {
            if (!missingStatus) {
                conflicts.add(Conflict.of(row.pointer(), "value", ConflictCode.VALUE_MISSING, row.value()));
            }
            return;
        }
        if (!isFiniteDecimal(row.value().trim())) {
            conflicts.add(Conflict.of(row.pointer(), "value", ConflictCode.VALUE_NOT_FINITE, row.value()));
        }
    }

    private static boolean isFiniteDecimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            // a value beyond double range cannot be charted or trended; refuse it here rather than downstream
            return Double.isFinite(value.doubleValue());
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
