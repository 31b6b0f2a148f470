package eu.drugsplan.contracts.trend;

/** The direction in which a measure should move for the situation to be judged better. */
public enum DesiredDirection {
    UP,
    DOWN,
    /** Contextual measures: a trend is reported but never judged. */
    NONE
}
