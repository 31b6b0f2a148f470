package eu.drugsplan.indicators.sdmx.data;

import eu.drugsplan.contracts.series.Frequency;
import eu.drugsplan.contracts.series.Period;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as the time intervals they cover, which is how SDMX REST compares {@code startPeriod} and
 * {@code endPeriod} with the data: {@code startPeriod=2017-01} keeps the annual 2017 value, because the year 2017
 * overlaps January 2017. Comparing the texts (as the store once did) dropped it, since "2017" sorts before
 * "2017-01".
 *
 * <p>A parameter may be an ISO 8601 period ({@code 2017}, {@code 2017-Q1}, {@code 2017-01}, {@code 2017-W05},
 * {@code 2017-01-15}), an SDMX reporting period ({@code 2017-A1}, {@code 2017-S1}, {@code 2017-T1},
 * {@code 2017-Q1}, {@code 2017-M01}, {@code 2017-W05}, {@code 2017-D015}; reporting year starting on 1 January)
 * or a date-time (its calendar date). The stored periods are ISO 8601 periods of one of the {@link Frequency}s;
 * within one frequency their texts sort chronologically, so "overlaps the range" becomes, per frequency, a text
 * comparison with the period of that frequency that contains the range's first (or last) day.
 *
 * <p>When {@code contracts} gets one {@code Period} with start and end, this class is what it absorbs.
 */
public final class PeriodIntervals {

    private static final Pattern REPORTING = Pattern.compile("(\\d{4})-([ASTQMWD])(\\d{1,3})");

    private PeriodIntervals() {
    }

    /** The first and last day a period covers. */
    public record Interval(LocalDate start, LocalDate end) {
    }

    /** The interval of a startPeriod/endPeriod parameter; empty when it is none of the accepted forms. */
    public static Optional<Interval> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Period> iso = Period.parse(text);
        if (iso.isPresent()) {
            return Optional.of(of(iso.get()));
        }
        Matcher m = REPORTING.matcher(text);
        if (m.matches()) {
            return reporting(Integer.parseInt(m.group(1)), m.group(2).charAt(0), m.group(3));
        }
        return dateTime(text);
    }

    /** The interval a stored period covers. */
    public static Interval of(Period period) {
        int year = period.year();
        return switch (period.frequency()) {
            case A -> new Interval(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            case S -> months(year, (period.index() - 1) * 6 + 1, 6);
            case Q -> months(year, (period.index() - 1) * 3 + 1, 3);
            case M -> months(year, period.index(), 1);
            case W -> {
                LocalDate monday = LocalDate.of(year, 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, period.index())
                        .with(java.time.DayOfWeek.MONDAY);
                yield new Interval(monday, monday.plusDays(6));
            }
            case D -> {
                LocalDate day = LocalDate.parse(period.text());
                yield new Interval(day, day);
            }
        };
    }

    /**
     * The text of the period of a frequency that contains a day. A stored period of that frequency overlaps
     * [day, ...) exactly when its text is at least this one, and (..., day] exactly when it is at most this one.
     */
    public static String containing(Frequency frequency, LocalDate day) {
        return switch (frequency) {
            case A -> String.format("%04d", day.getYear());
            case S -> String.format("%04d-S%d", day.getYear(), (day.getMonthValue() - 1) / 6 + 1);
            case Q -> String.format("%04d-Q%d", day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case M -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
            case W -> String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case D -> day.toString();
        };
    }

    /** Whether a stored period overlaps the range [start, end]; a null bound is open. */
    public static boolean overlaps(Period period, LocalDate start, LocalDate end) {
        Interval interval = of(period);
        return (start == null || !interval.end().isBefore(start)) && (end == null || !interval.start().isAfter(end));
    }

    private static Interval months(int year, int firstMonth, int count) {
        LocalDate start = LocalDate.of(year, firstMonth, 1);
        return new Interval(start, start.plusMonths(count).minusDays(1));
    }

    private static Optional<Interval> reporting(int year, char type, String digits) {
        int n = Integer.parseInt(digits);
        int expectedDigits = switch (type) {
            case 'A', 'S', 'T', 'Q' -> 1;
            case 'M', 'W' -> 2;
            default -> 3;
        };
        if (digits.length() != expectedDigits) {
            return Optional.empty();
        }
        return switch (type) {
            case 'A' -> n == 1 ? Optional.of(months(year, 1, 12)) : Optional.empty();
            case 'S' -> n >= 1 && n <= 2 ? Optional.of(months(year, (n - 1) * 6 + 1, 6)) : Optional.empty();
            case 'T' -> n >= 1 && n <= 3 ? Optional.of(months(year, (n - 1) * 4 + 1, 4)) : Optional.empty();
            case 'Q' -> n >= 1 && n <= 4 ? Optional.of(months(year, (n - 1) * 3 + 1, 3)) : Optional.empty();
            case 'M' -> n >= 1 && n <= 12 ? Optional.of(months(year, n, 1)) : Optional.empty();
            case 'W' -> Period.parse(String.format("%04d-W%02d", year, n)).map(PeriodIntervals::of);
            default -> n >= 1 && n <= LocalDate.of(year, 1, 1).lengthOfYear()
                    ? Optional.of(new Interval(LocalDate.ofYearDay(year, n), LocalDate.ofYearDay(year, n)))
                    : Optional.empty();
        };
    }

    private static Optional<Interval> dateTime(String text) {
        LocalDate day;
        try {
            day = OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeException notWithOffset) {
            try {
                day = LocalDateTime.parse(text).toLocalDate();
            } catch (DateTimeException notADateTime) {
                return Optional.empty();
            }
        }
        return Optional.of(new Interval(day, day));
    }
}
