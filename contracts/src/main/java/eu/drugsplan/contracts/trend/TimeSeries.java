package eu.drugsplan.contracts.trend;

import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.series.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated series sorted by time. Missing periods stay absent: no method may see an
 * invented value. One frequency per series and one value per period, so every point has
 * its own instant and pairwise slopes are always defined.
 */
public final class TimeSeries {

    private final List<TrendPoint> points;
    private final Map<String, TrendPoint> byPeriod;
    /** The points flagged as breaks, in time order. */
    private final List<TrendPoint> breaks;

    private TimeSeries(List<TrendPoint> points, Map<String, TrendPoint> byPeriod, List<TrendPoint> breaks) {
        this.points = points;
        this.byPeriod = byPeriod;
        this.breaks = breaks;
    }

    /**
     * @throws IllegalArgumentException on an unparseable period, a repeated period, mixed
     *                                  frequencies or a NaN or infinite value
     */
    public static TimeSeries of(List<PeriodValue> observations) {
        List<TrendPoint> points = new ArrayList<>(observations.size());
        Map<String, TrendPoint> byPeriod = new HashMap<>();
        List<TrendPoint> breaks = new ArrayList<>();
        Frequency frequency = null;
        for (PeriodValue observation : observations) {
            Period period = Period.of(observation.period());
            frequency = sameFrequency(frequency, period);
            TrendPoint point = toPoint(period, observation.value());
            if (byPeriod.putIfAbsent(point.period(), point) != null) {
                throw new IllegalArgumentException("period given twice: " + point.period());
            }
            points.add(point);
            if (observation.seriesBreak()) {
                breaks.add(point);
            }
        }
        points.sort(Comparator.comparingDouble(TrendPoint::time));
        breaks.sort(Comparator.comparingDouble(TrendPoint::time));
        return new TimeSeries(List.copyOf(points), byPeriod, List.copyOf(breaks));
    }

    /** The points from the last break on (the break's own point first); the whole series when there is none. */
    public TimeSeries lastSegment() {
        if (breaks.isEmpty()) {
            return this;
        }
        double start = breaks.get(breaks.size() - 1).time();
        List<TrendPoint> segment = points.stream().filter(p -> p.time() >= start).toList();
        Map<String, TrendPoint> byPeriod = new HashMap<>();
        segment.forEach(p -> byPeriod.put(p.period(), p));
        return new TimeSeries(segment, byPeriod, List.of());
    }

    /** What the last segment is, for the trend JSON. */
    public Segment segment() {
        TimeSeries last = lastSegment();
        return new Segment(breaks.stream().map(TrendPoint::period).toList(),
                last.isEmpty() ? null : last.points().get(0).period(), last.size());
    }

    /** The points in time order. */
    public List<TrendPoint> points() {
        return points;
    }

    public int size() {
        return points.size();
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The most recent point, or {@code null} for an empty series. */
    public TrendPoint latest() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    public Optional<TrendPoint> find(Period period) {
        return Optional.ofNullable(byPeriod.get(period.toString()));
    }

    public double[] times() {
        return points.stream().mapToDouble(TrendPoint::time).toArray();
    }

    public double[] values() {
        return points.stream().mapToDouble(TrendPoint::value).toArray();
    }

    private static Frequency sameFrequency(Frequency seen, Period period) {
        if (seen != null && seen != period.frequency()) {
            throw new IllegalArgumentException("mixed frequencies: " + seen + " and " + period.frequency());
        }
        return period.frequency();
    }

    private static TrendPoint toPoint(Period period, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + period + " is not finite: " + value);
        }
        return new TrendPoint(period.toString(), period.decimalYear(), value);
    }
}
