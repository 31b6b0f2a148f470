package eu.drugsplan.indicators.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Builds rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

    private final StringBuilder text = new StringBuilder();
    private boolean lineStart = true;

    CopyText field(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyText field(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyText field(BigDecimal value) {
        return value == null ? field((String) null) : field(value.toPlainString());
    }

    CopyText field(UUID value) {
        return field(value == null ? null : value.toString());
    }

    CopyText field(Instant value) {
        return field(value == null ? null : value.toString());
    }

    CopyText field(boolean value) {
        return field(value ? "t" : "f");
    }

    CopyText endRow() {
        text.append('\n');
        lineStart = true;
        return this;
    }

    String text() {
        return text.toString();
    }

    private void separate() {
        if (!lineStart) {
            text.append('\t');
        }
        lineStart = false;
    }
}
