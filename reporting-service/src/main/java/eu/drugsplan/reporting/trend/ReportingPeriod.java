package eu.drugsplan.reporting.trend;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed ISO 8601 period: {@code 2021}, {@code 2021-Q2}, {@code 2021-03}, {@code 2021-W05}
 * or {@code 2021-03-15}.
 *
 * @param frequency the granularity
 * @param year      the calendar year, or the ISO week-based year for {@link Frequency#WEEKLY}
 * @param number    0 for annual, else the quarter, month, ISO week or day of year
 */
public record ReportingPeriod(Frequency frequency, int year, int number) {

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4})(?:-(?:Q(\\d)|W(\\d{2})|(\\d{2})(?:-(\\d{2}))?))?", Pattern.CASE_INSENSITIVE);

    public ReportingPeriod {
        Objects.requireNonNull(frequency, "frequency");
        int max = maxNumber(frequency, year);
        int min = frequency == Frequency.ANNUAL ? 0 : 1;
        if (number < min || number > max) {
            throw new IllegalArgumentException(frequency + " period number out of range: " + year + "/" + number);
        }
    }

    /** Parses a period string; throws {@link IllegalArgumentException} when it is not one of the five forms. */
    public static ReportingPeriod parse(String text) {
        Matcher m = FORMAT.matcher(Objects.requireNonNull(text, "period"));
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO 8601 period: " + text);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new ReportingPeriod(Frequency.QUARTERLY, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new ReportingPeriod(Frequency.WEEKLY, year, Integer.parseInt(m.group(3)));
        }
        if (m.group(5) != null) {
            return ofDate(date(year, m.group(4), m.group(5), text));
        }
        if (m.group(4) != null) {
            return new ReportingPeriod(Frequency.MONTHLY, year, Integer.parseInt(m.group(4)));
        }
        return new ReportingPeriod(Frequency.ANNUAL, year, 0);
    }

    public static ReportingPeriod ofDate(LocalDate date) {
        return new ReportingPeriod(Frequency.DAILY, date.getYear(), date.getDayOfYear());
    }

    /**
     * The period start as a decimal year. Weeks divide by the number of ISO weeks in their
     * week-based year (52 or 53) rather than always 52: in a 53-week year, week 53 would
     * otherwise land on the next year's week 1, and two periods would share one instant.
     */
    public double decimalYear() {
        return switch (frequency) {
            case ANNUAL -> year;
            case QUARTERLY -> year + (number - 1) / 4.0;
            case MONTHLY -> year + (number - 1) / 12.0;
            case WEEKLY -> year + (number - 1) / (double) isoWeeksIn(year);
            case DAILY -> year + (number - 1) / (double) LocalDate.ofYearDay(year, 1).lengthOfYear();
        };
    }

    /**
     * The same quarter, month, week or day one year earlier. Empty when that period does not
     * exist (week 53, 29 February): comparing with a neighbouring period would not be a
     * year-on-year comparison.
     */
    public Optional<ReportingPeriod> sameInPreviousYear() {
        int previous = year - 1;
        if (frequency == Frequency.DAILY) {
            LocalDate date = toDate();
            boolean leapDay = date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29;
            return leapDay ? Optional.empty() : Optional.of(ofDate(date.minusYears(1)));
        }
        if (number > maxNumber(frequency, previous)) {
            return Optional.empty();
        }
        return Optional.of(new ReportingPeriod(frequency, previous, number));
    }

    /** The canonical ISO 8601 text, e.g. {@code 2021-W05}. */
    @Override
    public String toString() {
        return switch (frequency) {
            case ANNUAL -> String.format("%04d", year);
            case QUARTERLY -> String.format("%04d-Q%d", year, number);
            case MONTHLY -> String.format("%04d-%02d", year, number);
            case WEEKLY -> String.format("%04d-W%02d", year, number);
            case DAILY -> toDate().toString();
        };
    }

    private LocalDate toDate() {
        return LocalDate.ofYearDay(year, number);
    }

    private static int maxNumber(Frequency frequency, int year) {
        return switch (frequency) {
            case ANNUAL -> 0;
            case QUARTERLY -> 4;
            case MONTHLY -> 12;
            case WEEKLY -> isoWeeksIn(year);
            case DAILY -> LocalDate.ofYearDay(year, 1).lengthOfYear();
        };
    }

    // 28 December always falls in the last ISO week of its week-based year.
    private static int isoWeeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static LocalDate date(int year, String month, String day, String text) {
        try {
            return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a calendar date: " + text, e);
        }
    }
}
