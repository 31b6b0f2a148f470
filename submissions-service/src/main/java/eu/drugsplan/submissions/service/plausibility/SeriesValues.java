package eu.drugsplan.submissions.service.plausibility;

import eu.drugsplan.contracts.series.Period;
import eu.drugsplan.contracts.series.StoredSeries.StoredValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One series as it will read once the chunk is applied: the stored values, with the chunk's rows written over
 * them (a delete removes its period). The stored values stay apart for telling a revision. A value flagged as
 * a break (OBS_STATUS B) starts a new segment: nothing before it is compared with what comes after it.
 */
public final class SeriesValues {

    /** One period's value; value is null where the status says it is missing. */
    public record Point(Period period, BigDecimal value, String status) {

        boolean flaggedBreak() {
            return SubmittedValue.BREAK.equals(status);
        }
    }

    private final Map<LocalDate, Point> stored;
    private final NavigableMap<LocalDate, Point> merged;
    /** The rules of one row ask for the same history in turn: the last answer is kept. */
    private Period earlierOf;
    private List<Point> earlier;

    private SeriesValues(Map<LocalDate, Point> stored, NavigableMap<LocalDate, Point> merged) {
        this.stored = stored;
        this.merged = merged;
    }

    public static SeriesValues of(List<StoredValue> stored, List<SubmittedValue> submitted) {
        TreeMap<LocalDate, Point> storedPoints = new TreeMap<>();
        for (StoredValue value : stored) {
            Period.parse(value.period()).ifPresent(p -> storedPoints.put(p.start(),
                    new Point(p, value.value(), value.status())));
        }
        TreeMap<LocalDate, Point> merged = new TreeMap<>(storedPoints);
        for (SubmittedValue value : submitted) {
            if (value.delete()) {
                merged.remove(value.period().start());
            } else {
                merged.put(value.period().start(), new Point(value.period(), value.value(), value.status()));
            }
        }
        return new SeriesValues(storedPoints, merged);
    }

    /** The stored value of a period, before this chunk. */
    public Optional<BigDecimal> storedValue(Period period) {
        return Optional.ofNullable(stored.get(period.start())).map(Point::value);
    }

    /** The value of a period once the chunk is applied. */
    public Optional<BigDecimal> value(Period period) {
        return Optional.ofNullable(merged.get(period.start())).map(Point::value);
    }

    /**
     * The values of the period's segment before it, oldest first: back to the last break at or before the
     * period (a period flagged B has none before it).
     */
    public List<Point> earlierInSegment(Period period) {
        if (period.equals(earlierOf)) {
            return earlier;
        }
        List<Point> found = new ArrayList<>();
        Point own = merged.get(period.start());
        if (own == null || !own.flaggedBreak()) {
            for (Point point : merged.headMap(period.start(), false).descendingMap().values()) {
                if (point.value() != null) {
                    found.add(point);
                }
                if (point.flaggedBreak()) {
                    break;
                }
            }
            Collections.reverse(found);
        }
        earlierOf = period;
        earlier = List.copyOf(found);
        return earlier;
    }

    /** The first value after the period within its segment (a break after it ends the segment). */
    public Optional<Point> nextInSegment(Period period) {
        for (Point point : merged.tailMap(period.start(), false).values()) {
            if (point.flaggedBreak()) {
                return Optional.empty();
            }
            if (point.value() != null) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }
}
