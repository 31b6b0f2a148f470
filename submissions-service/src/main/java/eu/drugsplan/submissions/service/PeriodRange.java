package eu.drugsplan.submissions.service;

/**
 * The years a period may lie in, inclusive. ISO 8601 writes any year from 0000 to 9999, but a drug indicator
 * of year 0000 or 9999 is a typing or export error (a spreadsheet's empty date, a placeholder), not data.
 */
public record PeriodRange(int earliestYear, int latestYear) {

    public PeriodRange {
        if (earliestYear > latestYear) {
            throw new IllegalArgumentException("earliest year " + earliestYear + " after latest year " + latestYear);
        }
    }

    /** From earliestYear to offset years after the current one (1: next year, for provisional estimates). */
    public static PeriodRange upTo(int earliestYear, int currentYear, int offset) {
        return new PeriodRange(earliestYear, currentYear + offset);
    }

    public boolean contains(int year) {
        return year >= earliestYear && year <= latestYear;
    }
}
