package eu.drugsplan.contracts.trend;

/** The codes put in a result's {@code reason} when a value cannot be computed. */
public final class Reasons {

    /** The series has no point at all. */
    public static final String NO_DATA = "NO_DATA";
    /** No point exists for the same period one year before the latest one. */
    public static final String NO_PREVIOUS_DATA = "NO_PREVIOUS_DATA";
    /** A percentage change from a zero base is undefined. */
    public static final String ZERO_BASE = "ZERO_BASE";
    /** Fewer points than the method needs. */
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";
    /** A compound growth rate needs a positive start and end value. */
    public static final String NON_POSITIVE_VALUE = "NON_POSITIVE_VALUE";

    private Reasons() {
    }
}
