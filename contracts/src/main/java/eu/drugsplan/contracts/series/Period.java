package eu.drugsplan.contracts.series;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reporting period, the suite's only model of it: the intake validates with it, the indicators service
 * reads query parameters with it and the trends place it on a time axis with it.
 *
 * <p>The canonical text ({@link #text()}) is the ISO 8601 form the suite stores: {@code 2021}, {@code 2021-S1},
 * {@code 2021-Q1}, {@code 2021-03}, {@code 2021-W05}, {@code 2021-03-15}. {@link #parse} accepts exactly these
 * forms (upper-case designators, as SDMX writes them), so a stored period has one spelling and two rows of the
 * same period cannot differ in text. {@link #parseSdmx} also reads SDMX's reporting-period forms ({@code 2021-A1},
 * {@code 2021-M03}, {@code 2021-D074}) for a reporting year that starts on 1 January, the only one the suite
 * publishes; they map to the same period as their ISO form.
 *
 * @param frequency the granularity
 * @param year      the calendar year, or the ISO week-based year for {@link Frequency#W}
 * @param index     1 for a year, else the semester, quarter, month, ISO week or day of the year, from 1
 */
public record Period(Frequency frequency, int year, int index) {

    /**
     * Four-digit years only, as SDMX and the stores write them. Year 0000 is ISO 8601's (proleptic) year before 0001:
     * a period, which the intake refuses as out of its accepted years rather than as malformed.
     */
    private static final int FIRST_YEAR = 0;
    private static final int LAST_YEAR = 9999;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-(?:S(\\d)|Q(\\d)|W(\\d{2})|(\\d{2})(?:-(\\d{2}))?))?");
    private static final Pattern REPORTING = Pattern.compile("(\\d{4})-(?:A(1)|M(\\d{2})|D(\\d{3}))");

    public Period {
        Objects.requireNonNull(frequency, "frequency");
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (index < 1 || index > count(frequency, year)) {
            throw new IllegalArgumentException(frequency + " period out of range: " + year + "/" + index);
        }
    }

    /** The period of one of the canonical ISO forms, or empty for anything else (including null). */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return checked(Frequency.S, year, m.group(2));
        }
        if (m.group(3) != null) {
            return checked(Frequency.Q, year, m.group(3));
        }
        if (m.group(4) != null) {
            return checked(Frequency.W, year, m.group(4));
        }
        if (m.group(6) != null) {
            return date(year, m.group(5), m.group(6));
        }
        if (m.group(5) != null) {
            return checked(Frequency.M, year, m.group(5));
        }
        return checked(Frequency.A, year, "1");
    }

    /** Like {@link #parse}, and also SDMX's reporting periods {@code YYYY-A1}, {@code YYYY-Mmm}, {@code YYYY-Dddd}. */
    public static Optional<Period> parseSdmx(String text) {
        Optional<Period> iso = parse(text);
        if (iso.isPresent() || text == null) {
            return iso;
        }
        Matcher m = REPORTING.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return checked(Frequency.A, year, m.group(2));
        }
        if (m.group(3) != null) {
            return checked(Frequency.M, year, m.group(3));
        }
        return checked(Frequency.D, year, m.group(4));
    }

    /**
     * The period of a canonical text the suite wrote itself (an event, a stored row).
     *
     * @throws IllegalArgumentException when the text is not one of the canonical forms
     */
    public static Period of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an ISO 8601 period: " + text));
    }

    /** The day as a daily period. */
    public static Period ofDate(LocalDate date) {
        return new Period(Frequency.D, date.getYear(), date.getDayOfYear());
    }

    /** The canonical ISO 8601 text, e.g. {@code 2021-W05}. */
    public String text() {
        return switch (frequency) {
            case A -> String.format("%04d", year);
            case S -> String.format("%04d-S%d", year, index);
            case Q -> String.format("%04d-Q%d", year, index);
            case M -> String.format("%04d-%02d", year, index);
            case W -> String.format("%04d-W%02d", year, index);
            case D -> firstDay().toString();
        };
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * The period start as a decimal year. Weeks divide by the number of ISO weeks in their week-based year
     * (52 or 53) rather than always 52: in a 53-week year, week 53 would otherwise land on the next year's
     * week 1, and two periods would share one instant. Days divide by the length of their year (365 or 366).
     */
    public double decimalYear() {
        return year + (index - 1) / (double) count(frequency, year);
    }

    /**
     * The same semester, quarter, month, week or day one year earlier. Empty when that period does not exist
     * (week 53, 29 February) or would be before year 0000: comparing with a neighbouring period would not be a
     * year-on-year comparison.
     */
    public Optional<Period> sameInPreviousYear() {
        int previous = year - 1;
        if (previous < FIRST_YEAR) {
            return Optional.empty();
        }
        if (frequency == Frequency.D) {
            LocalDate date = firstDay();
            boolean leapDay = date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29;
            return leapDay ? Optional.empty() : Optional.of(ofDate(date.minusYears(1)));
        }
        if (index > count(frequency, previous)) {
            return Optional.empty();
        }
        return Optional.of(new Period(frequency, previous, index));
    }

    /** The period right after this one, of the same frequency (2021-W53 is followed by 2022-W01). */
    public Optional<Period> next() {
        if (index < count(frequency, year)) {
            return Optional.of(new Period(frequency, year, index + 1));
        }
        return year < LAST_YEAR ? Optional.of(new Period(frequency, year + 1, 1)) : Optional.empty();
    }

    /** The first day of the period (a Monday for a week). */
    public LocalDate start() {
        return firstDay();
    }

    /**
     * The day after the period's last day: the interval is {@code [start, end)}, so consecutive periods touch
     * ({@code end()} of one is {@code start()} of the next) and SDMX's startPeriod/endPeriod comparisons are
     * "the period's interval overlaps the requested one" without off-by-one days.
     */
    public LocalDate end() {
        LocalDate start = firstDay();
        return switch (frequency) {
            case A -> start.plusYears(1);
            case S -> start.plusMonths(6);
            case Q -> start.plusMonths(3);
            case M -> start.plusMonths(1);
            case W -> start.plusWeeks(1);
            case D -> start.plusDays(1);
        };
    }

    /** Whether the day falls in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && day.isBefore(end());
    }

    private LocalDate firstDay() {
        return switch (frequency) {
            case A -> LocalDate.of(year, 1, 1);
            case S -> LocalDate.of(year, 6 * (index - 1) + 1, 1);
            case Q -> LocalDate.of(year, 3 * (index - 1) + 1, 1);
            case M -> LocalDate.of(year, index, 1);
            // 4 January is always in week 1 of its week-based year
            case W -> LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, index).with(DayOfWeek.MONDAY);
            case D -> LocalDate.ofYearDay(year, index);
        };
    }

    /** How many periods of the frequency the year has. */
    private static int count(Frequency frequency, int year) {
        return switch (frequency) {
            case A -> 1;
            case S -> 2;
            case Q -> 4;
            case M -> 12;
            case W -> isoWeeksIn(year);
            case D -> LocalDate.ofYearDay(year, 1).lengthOfYear();
        };
    }

    // 28 December always falls in the last ISO week of its week-based year.
    private static int isoWeeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static Optional<Period> checked(Frequency frequency, int year, String index) {
        int number = Integer.parseInt(index);
        if (year < FIRST_YEAR || number < 1 || number > count(frequency, Math.max(year, FIRST_YEAR))) {
            return Optional.empty();
        }
        return Optional.of(new Period(frequency, year, number));
    }

    private static Optional<Period> date(int year, String month, String day) {
        try {
            return year < FIRST_YEAR ? Optional.empty()
                    : Optional.of(ofDate(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
