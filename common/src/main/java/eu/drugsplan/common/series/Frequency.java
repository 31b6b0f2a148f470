package eu.drugsplan.common.series;

/** SDMX frequency codes of the periods a measure is reported in. */
public enum Frequency {
    A, Q, M, W, D
}
