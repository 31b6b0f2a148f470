package eu.drugsplan.submissions.format;

import de.siegmar.fastcsv.reader.CsvParseException;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.common.rest.Problems;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The text of a CSV body: strict UTF-8 after an optional byte order mark, and the problems of a body unread. */
final class CsvText {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvText() {
    }

    /**
     * The body read as UTF-8 that refuses what is not: a decoder that replaces malformed bytes turned a broken
     * character (a lone surrogate written as three bytes, Latin-1 sent as UTF-8) into U+FFFD, a storable
     * character, so a row was accepted with another text than the one sent.
     */
    static Reader strictUtf8(Path body) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in = new BufferedInputStream(Files.newInputStream(body), 1 << 16);
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!Arrays.equals(start, UTF8_BOM)) {
            in.reset(); // FastCSV's own BOM detection works on paths and streams only, not on a reader
        }
        return new InputStreamReader(in, decoder);
    }

    /** Malformed UTF-8 surfaces from the reader as an I/O failure; any other I/O failure stays one. */
    static RuntimeException notUtf8(UncheckedIOException e) {
        if (!(e.getCause() instanceof CharacterCodingException)) {
            return e;
        }
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body",
                "The CSV body is not valid UTF-8 (a byte sequence that is no character); send it encoded as UTF-8."));
    }

    static ProblemException unreadable(CsvParseException e) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body",
                "The CSV body cannot be parsed: " + e.getMessage()));
    }
}
