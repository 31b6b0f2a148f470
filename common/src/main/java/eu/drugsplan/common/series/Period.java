package eu.drugsplan.common.series;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 8601 reporting period: {@code 2021}, {@code 2021-Q1}, {@code 2021-03}, {@code 2021-W05} or
 * {@code 2021-03-15}. The canonical text sorts chronologically within one frequency.
 */
public record Period(String text, Frequency frequency, int year, int index) {

    private static final Pattern ANNUAL = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = ANNUAL.matcher(text)).matches()) {
            return Optional.of(new Period(text, Frequency.A, year(m), 1));
        }
        if ((m = QUARTER.matcher(text)).matches()) {
            return Optional.of(new Period(text, Frequency.Q, year(m), Integer.parseInt(m.group(2))));
        }
        if ((m = MONTH.matcher(text)).matches()) {
            return Optional.of(new Period(text, Frequency.M, year(m), Integer.parseInt(m.group(2))));
        }
        if ((m = WEEK.matcher(text)).matches()) {
            return week(text, year(m), Integer.parseInt(m.group(2)));
        }
        if ((m = DAY.matcher(text)).matches()) {
            return day(text);
        }
        return Optional.empty();
    }

    private static Optional<Period> week(String text, int year, int week) {
        long weeksInYear = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            return Optional.empty();
        }
        return Optional.of(new Period(text, Frequency.W, year, week));
    }

    private static Optional<Period> day(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            return Optional.of(new Period(text, Frequency.D, date.getYear(), date.getDayOfYear()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int year(Matcher m) {
        return Integer.parseInt(m.group(1));
    }
}
