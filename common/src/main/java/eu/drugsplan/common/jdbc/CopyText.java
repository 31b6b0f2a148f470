package eu.drugsplan.common.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes) to any
 * {@link Appendable}: a StringBuilder for a batch read back with {@code copyIn}, or the writer of a COPY stream
 * for a load too large to hold. The one COPY escaping of the suite.
 */
public final class CopyText {

    private final Appendable out;
    private boolean lineStart = true;

    public CopyText(Appendable out) {
        this.out = out;
    }

    /** Rows kept in memory, read back with {@link #toString()}. */
    public CopyText() {
        this(new StringBuilder());
    }

    public CopyText field(String value) {
        separate();
        if (value == null) {
            write("\\N");
            return this;
        }
        if (!needsEscape(value)) {
            write(value);
            return this;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        write(escaped);
        return this;
    }

    public CopyText field(long value) {
        separate();
        write(Long.toString(value));
        return this;
    }

    public CopyText field(BigDecimal value) {
        return field(value == null ? null : value.toPlainString());
    }

    public CopyText field(UUID value) {
        return field(value == null ? null : value.toString());
    }

    public CopyText field(Instant value) {
        return field(value == null ? null : value.toString());
    }

    public CopyText field(boolean value) {
        return field(value ? "t" : "f");
    }

    public CopyText endRow() {
        write("\n");
        lineStart = true;
        return this;
    }

    /** The rows written, when they were written to memory. */
    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (!lineStart) {
            write("\t");
        }
        lineStart = false;
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
