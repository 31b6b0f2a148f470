package eu.drugsplan.contracts.series;

import java.math.BigDecimal;

/** When two observed values are one: the rule the store and the draft views share. */
public final class ObservedValues {

    private ObservedValues() {
    }

    /** The same number (1.0 and 1.00 are one value: a revision that only adds a zero changes nothing), or both none. */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
