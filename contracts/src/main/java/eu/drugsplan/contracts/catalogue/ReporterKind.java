package eu.drugsplan.contracts.catalogue;

/** Who a reporter is, which decides what it may report (the catalogue's reporter kinds). */
public enum ReporterKind {
    /** A Member State's national focal point: its own areas. */
    MEMBER_STATE,
    /** A Reitox partner outside the EU (Norway, Türkiye ...): its own areas, as a Member State. */
    REITOX_PARTNER,
    /** An EU agency or body (EUDA, Europol, Eurostat ...): its measures, for any area. */
    AGENCY
}
