package eu.drugsplan.contracts.catalogue;

/** What kind of number a measure's values are, which decides which values are valid (the catalogue's unit_kind). */
public enum UnitKind {
    /** A whole number of things (deaths, seizures, clients): never negative, never a fraction. */
    COUNT,
    /** A quantity (kilograms, euros): never negative. */
    AMOUNT,
    /** A share in percent: 0 to 100. */
    PERCENT,
    /** An age or a duration in years. */
    YEARS,
    /** Yes or no: 1 or 0. */
    BINARY,
    /** A score on the measure's own scale. */
    SCORE,
    /** A load per population (waste water: mg per 1,000 people a day): never negative. */
    LOAD
}
