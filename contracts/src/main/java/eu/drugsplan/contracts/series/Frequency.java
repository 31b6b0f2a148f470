package eu.drugsplan.contracts.series;

/**
 * SDMX frequency codes (code list CL_FREQ) of the periods the suite knows. The catalogue names a measure's
 * frequency by these codes, so {@code Frequency.valueOf(code)} reads it.
 */
public enum Frequency {
    /** Annual: {@code 2021}. */
    A,
    /** Half-yearly: {@code 2021-S1}, {@code 2021-S2}. */
    S,
    /** Quarterly: {@code 2021-Q1} to {@code 2021-Q4}. */
    Q,
    /** Monthly: {@code 2021-01} to {@code 2021-12}. */
    M,
    /** Weekly, ISO 8601 weeks of the week-based year: {@code 2021-W01} to {@code 2021-W52} or {@code W53}. */
    W,
    /** Daily: {@code 2021-03-15}. */
    D
}
