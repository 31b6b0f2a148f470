package eu.drugsplan.indicators.service;

/** What applying one observation event did to the store. */
public enum StoreOutcome {
    /** A value where there was none. */
    INSERTED,
    /** A changed value, status or comment: a new version. */
    REVISED,
    /** Identical to what is stored: no new version, no event. */
    UNCHANGED,
    /** The current value was removed; a tombstone version records it. */
    DELETED,
    /** A delete of something that was not there. */
    NOTHING_TO_DELETE,
    /**
     * Accepted before the value already stored but delivered after it (a publisher's retry after a broker
     * failure can reorder a series' events): applying it would bring back an older value. No version, no event.
     */
    SUPERSEDED,
    /** The event was applied before; a redelivery or replay. */
    DUPLICATE
}
