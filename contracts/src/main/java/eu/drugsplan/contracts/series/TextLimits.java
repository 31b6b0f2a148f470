package eu.drugsplan.contracts.series;

/**
 * The one definition of what text the suite accepts and stores: the intake refuses a row whose text breaks
 * these rules, and every store after it is sized for them, so a row that was accepted can always be written.
 * The lengths are in UTF-16 code units as Java counts them; PostgreSQL's varchar counts characters, which is
 * never more.
 */
public final class TextLimits {

    /** Measure, area, dimension names and their codes: varchar(64) in every store. */
    public static final int CODE = 64;
    /** An observation's free-text comment. */
    public static final int COMMENT = 1000;
    /** Submission ids, idempotency keys, event ids and other identifiers a client may send or read back. */
    public static final int IDENTIFIER = 128;
    /** A period as written (2017, 2017-Q1, 2017-W05, 2017-01-31, with room for SDMX's longer forms). */
    public static final int PERIOD = 16;
    /**
     * A series key ({@link SeriesKey#toString()}, also the Kafka record key), in UTF-8 bytes. It is in
     * PostgreSQL's B-tree indexes (unique series key, measure and key), whose entries must stay under about
     * 2,700 bytes; 2048 leaves room for the measure beside it and the suffix of a computed EU total.
     */
    public static final int SERIES_KEY_BYTES = 2048;

    private TextLimits() {
    }

    /** Whether the text's UTF-8 form is at most {@code maxBytes} long (null fits). */
    public static boolean fitsBytes(String text, int maxBytes) {
        return text == null || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= maxBytes;
    }

    /**
     * Whether the text may be stored: no control characters except tab, line feed and carriage return, no NUL
     * (PostgreSQL's text cannot hold it), no unpaired surrogate (it has no UTF-8 form) and no noncharacter.
     */
    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || forbidden(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text without leading and trailing spaces and tabs, and nothing else: {@link String#trim()} also drops
     * control characters ({@code "A\u0001"} read as status {@code A}), so a control character at the end of a code
     * was silently lost instead of refused.
     */
    public static String trimBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether the text is storable and at most {@code max} long. */
    public static boolean fits(String text, int max) {
        return text == null || text.length() <= max && storable(text);
    }

    /**
     * The text made storable in at most {@code max} characters, for messages the suite writes itself about
     * what a client sent (a conflict quoting a hostile value must never fail to be stored).
     */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder cleaned = new StringBuilder(Math.max(0, Math.min(text.length(), max)));
        int i = 0;
        for (; i < text.length() && cleaned.length() < max; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (cleaned.length() + 2 > max) {
                    break;
                }
                cleaned.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || forbidden(c)) {
                cleaned.append('\uFFFD');
            } else {
                cleaned.append(c);
            }
        }
        if (i < text.length() && max > 0) {
            markCut(cleaned, max);
        }
        return cleaned.toString();
    }

    /** Ends a cut text with an ellipsis within max, never splitting a surrogate pair. */
    private static void markCut(StringBuilder cleaned, int max) {
        int end = Math.min(cleaned.length(), max - 1);
        if (end > 0 && Character.isHighSurrogate(cleaned.charAt(end - 1))) {
            end--;
        }
        cleaned.setLength(end);
        cleaned.append('\u2026');
    }

    private static boolean forbidden(char c) {
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
        return control || c == '\uFFFE' || c == '\uFFFF';
    }
}
