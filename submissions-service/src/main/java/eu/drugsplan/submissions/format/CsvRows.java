package eu.drugsplan.submissions.format;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.common.series.TextLimits;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.service.RowSource;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The rows of a CSV body (text/csv or SDMX-CSV 2.0), parsed by FastCSV while they are read from the spooled
 * body: one record in memory at a time. A row is identified by its line number (the header is line 1).
 * An empty cell is an absent field, so one file can mix measures with different dimensions.
 */
public final class CsvRows implements RowSource {

    private final CsvReader<CsvRecord> reader;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CloseableIterator<CsvRecord> records;
    private final CsvLayout layout;
    private final CsvDialect dialect;

    private CsvRows(CsvReader<CsvRecord> reader, CloseableIterator<CsvRecord> records, CsvLayout layout,
                    CsvDialect dialect) {
        this.reader = reader;
        this.records = records;
        this.layout = layout;
        this.dialect = dialect;
    }

    /**
     * Reads the header now, so that a body unusable as a whole is refused before anything is accepted.
     * declaredDecimal: the decimal mark the Content-Type declares ({@link CsvDialect#declaredDecimal}).
     */
    public static CsvRows open(Path body, BodyFormat format, Optional<Character> declaredDecimal) {
        CsvDialect dialect = CsvDialect.of(body, declaredDecimal);
        CsvReader<CsvRecord> reader = null;
        try {
            reader = CsvReader.builder().fieldSeparator(dialect.separator())
                    .allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true)
                    .ofCsvRecord(strictUtf8(body));
            CloseableIterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw CsvLayout.badHeader("The CSV body is empty; it needs at least a header line.");
            }
            var header = records.next().getFields();
            CsvLayout layout = format == BodyFormat.SDMX_CSV ? CsvLayout.sdmx(header) : CsvLayout.plain(header);
            return new CsvRows(reader, records, layout, dialect);
        } catch (IOException e) {
            close(reader);
            throw new UncheckedIOException(e);
        } catch (CsvParseException e) {
            close(reader);
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            close(reader);
            throw notUtf8(e);
        } catch (RuntimeException e) {
            close(reader);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw notUtf8(e);
        }
    }

    @Override
    public ObservationRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRecord record;
        try {
            record = records.next();
        } catch (CsvParseException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw notUtf8(e);
        }
        return row(record);
    }

    private ObservationRow row(CsvRecord record) {
        String line = Long.toString(record.getStartingLineNumber());
        if (record.getFieldCount() != layout.width()) {
            return ObservationRow.malformed(line, record.getFieldCount(), layout.width());
        }
        Map<String, String> dimensions = new HashMap<>(4);
        for (int i = 0; i < layout.dimensionNames().length; i++) {
            String code = cell(record, layout.dimensionIndexes()[i]);
            if (code != null) {
                dimensions.put(layout.dimensionNames()[i], code);
            }
        }
        String value = cell(record, layout.value());
        if (value != null) {
            Optional<String> decimal = dialect.value(value);
            if (decimal.isEmpty()) {
                return undecimal(line, value);
            }
            value = decimal.get();
        }
        String measure = layout.measure() >= 0 ? cell(record, layout.measure()) : measureOf(cell(record, layout.structureId()));
        return new ObservationRow(line, measure, cell(record, layout.area()), cell(record, layout.period()), dimensions,
                value, cell(record, layout.status()), cell(record, layout.comment()),
                cell(record, layout.action()));
    }

    /** A value the declared decimal comma cannot read: refused as a record, never guessed. */
    private static ObservationRow undecimal(String line, String value) {
        return new ObservationRow(line, null, null, null, Map.of(), null, null, null, null, "The value '"
                + TextLimits.clean(value, TextLimits.CODE) + "' has a '.' or more than one ',', but the body declares"
                + " decimal=\",\": the comma is its decimal mark, and a dot could only group thousands. Write the"
                + " number without grouping, such as 1234,5.");
    }

    /** STRUCTURE_ID "EUDRUGS:PI09.DRUG_INDUCED_DEATHS(1.0)" or just "PI09.DRUG_INDUCED_DEATHS" names the measure. */
    static String measureOf(String structureId) {
        if (structureId == null) {
            return null;
        }
        int colon = structureId.indexOf(':');
        int version = structureId.indexOf('(');
        return structureId.substring(colon + 1, version > colon ? version : structureId.length()).trim();
    }

    private static String cell(CsvRecord record, int index) {
        if (index < 0) {
            return null;
        }
        String text = record.getField(index);
        return text.isEmpty() ? null : text;
    }

    /**
     * The body read as UTF-8 that refuses what is not: a decoder that replaces malformed bytes turned a broken
     * character (a lone surrogate written as three bytes, Latin-1 sent as UTF-8) into U+FFFD, a storable
     * character, so a row was accepted with another text than the one sent.
     */
    private static Reader strictUtf8(Path body) throws IOException {
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
    private static RuntimeException notUtf8(UncheckedIOException e) {
        if (!(e.getCause() instanceof CharacterCodingException)) {
            return e;
        }
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "unreadable-body",
                "The CSV body is not valid UTF-8 (a byte sequence that is no character); send it encoded as UTF-8."));
    }

    private static ProblemException unreadable(CsvParseException e) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "unreadable-body",
                "The CSV body cannot be parsed: " + e.getMessage()));
    }

    @Override
    public void close() {
        close(reader);
    }

    private static void close(CsvReader<CsvRecord> reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
