package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a CSV body separates its fields and writes its decimals. The separator is the one its header shows:
 * SDMX-CSV 2.0 says so ("the separator used in a message can be determined by retrieving the character that
 * follows the fixed first column header term STRUCTURE"), and the header of text/csv holds only names, so the
 * first ',' or ';' in it is the separator. What the header cannot show is the decimal mark, and that is where
 * wrong numbers come from: spreadsheets write ';' where the comma is the decimal mark and the dot groups
 * thousands ({@code 1,5} is one and a half, {@code 1.234} a thousand and more). So a ';' body must declare its
 * decimal mark with the media type parameter {@code decimal} ({@code text/csv; decimal=","}), and is refused as a
 * whole without it; a ',' body has '.' unless it declares otherwise.
 */
public record CsvDialect(char separator, char decimalMark) {

    /** The media type parameter that declares the decimal mark. */
    public static final String DECIMAL = "decimal";
    private static final int HEADER_SCAN = 1 << 16;

    /** The decimal mark the media type declares, if any; any mark but ',' and '.' is a 415. */
    public static Optional<Character> declaredDecimal(MediaType type) {
        String declared = type == null ? null : type.getParameters().get(DECIMAL);
        if (declared == null) {
            return Optional.empty();
        }
        if (!declared.equals(",") && !declared.equals(".")) {
            throw new ProblemException(Problems.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "The parameter decimal names the decimal mark of a CSV body: \",\" or \".\"; got '"
                            + declared.substring(0, Math.min(declared.length(), 16)) + "'."));
        }
        return Optional.of(declared.charAt(0));
    }

    /** The dialect of the spooled body: its header's separator and the declared (or default) decimal mark. */
    static CsvDialect of(Path body, Optional<Character> declaredDecimal) {
        char separator = separator(headerStart(body));
        if (separator == ';' && declaredDecimal.isEmpty()) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "csv-decimal-undeclared",
                    "The header is separated by ';', as spreadsheets write CSV where the comma is the decimal mark"
                            + " and the dot groups thousands, so a value such as 1,5 or 1.234 cannot be read safely."
                            + " Declare the decimal mark in the Content-Type: text/csv; decimal=\",\" (or"
                            + " decimal=\".\"; the same parameter for SDMX-CSV). Nothing was stored."));
        }
        return new CsvDialect(separator, declaredDecimal.orElse('.'));
    }

    /**
     * The first ',' or ';' of the header outside quotes and SDMX's bracket terms ({@code STRUCTURE[;]} names a
     * sub-field separator, not the field separator); ',' for a header with neither.
     */
    static char separator(String header) {
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                bracket = true;
            } else if (!quoted && c == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (c == ',' || c == ';')) {
                return c;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
        }
        return ',';
    }

    /**
     * The value (a non-empty cell) as a decimal with a '.' mark, or empty when it cannot be one in this dialect: with the comma
     * declared, a dot could only be a thousands separator and two commas are no number, so either is refused
     * rather than guessed.
     */
    Optional<String> value(String text) {
        if (decimalMark == '.') {
            return Optional.of(text);
        }
        int comma = text.indexOf(',');
        if (text.indexOf('.') >= 0 || comma >= 0 && text.indexOf(',', comma + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(text.replace(',', '.'));
    }

    /** The start of the header line (invalid UTF-8 replaced: the CSV reader judges the text itself). */
    private static String headerStart(Path body) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(body), StandardCharsets.UTF_8)) {
            char[] start = new char[HEADER_SCAN];
            int length = 0;
            while (length < start.length && !hasNewline(start, length)) {
                int read = reader.read(start, length, start.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            int from = length > 0 && start[0] == '\uFEFF' ? 1 : 0;
            return new String(start, from, Math.max(0, length - from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasNewline(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            if (chars[i] == '\n') {
                return true;
            }
        }
        return false;
    }
}
