package eu.drugsplan.reporting.service;

/** How the catalogue says a measure adds up to an EU figure; UNKNOWN when the catalogue could not say. */
public enum EuTotalRule {
    SUM,
    NONE,
    UNKNOWN;

    static EuTotalRule of(String catalogueValue) {
        if (catalogueValue == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(catalogueValue);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
