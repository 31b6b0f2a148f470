package eu.drugsplan.contracts.event;

/** What a submitted row asks for, in SDMX terms: merge (I/M), replace (R) or delete (D). */
public enum ObservationAction {
    MERGE,
    REPLACE,
    DELETE
}
