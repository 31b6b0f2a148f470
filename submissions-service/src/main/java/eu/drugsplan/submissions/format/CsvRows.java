package eu.drugsplan.submissions.format;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.submissions.service.Conflict;
import eu.drugsplan.submissions.service.ConflictCode;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private final SdmxStructure structures;

    private CsvRows(CsvReader<CsvRecord> reader, CloseableIterator<CsvRecord> records, CsvLayout layout,
                    CsvDialect dialect, SdmxStructure structures) {
        this.reader = reader;
        this.records = records;
        this.layout = layout;
        this.dialect = dialect;
        this.structures = structures;
        this.languages = languagePrefix(layout.subField());
    }

    private final Pattern languages;

    /** Where a language's text starts in a multi-lingual value: at the start or after the sub-field separator. */
    static Pattern languagePrefix(char subField) {
        return Pattern.compile("(?:^|" + Pattern.quote(String.valueOf(subField)) + ")([a-z]{2}):");
    }

    /** The catalogue's words a CSV header is read with: the measure codes and the dimension (code list) ids. */
    public record Vocabulary(Set<String> measures, Set<String> dimensions) {
    }

    /**
     * Reads the header now, so that a body unusable as a whole is refused before anything is accepted.
     * declaredDecimal: the decimal mark the Content-Type declares ({@link CsvDialect#declaredDecimal}).
     */
    public static CsvRows open(Path body, BodyFormat format, Optional<Character> declaredDecimal, Vocabulary vocabulary) {
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
            boolean sdmx = format == BodyFormat.SDMX_CSV;
            CsvLayout layout = sdmx ? CsvLayout.sdmx(header, vocabulary.dimensions()) : CsvLayout.plain(header);
            return new CsvRows(reader, records, layout, dialect, sdmx ? new SdmxStructure(vocabulary.measures()) : null);
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
        String measure;
        boolean labelled = false;
        if (structures == null) {
            measure = cell(record, layout.measure());
        } else {
            SdmxStructure.Resolved structure = structures.resolve(line, cell(record, layout.structure()),
                    cell(record, layout.structureId()));
            if (structure.refused() != null) {
                return ObservationRow.refused(structure.refused());
            }
            measure = structure.measure();
            labelled = structure.labelled();
        }
        Map<String, String> dimensions = new HashMap<>(4);
        for (int i = 0; i < layout.dimensionNames().length; i++) {
            String code = coded(record, layout.dimensionIndexes()[i], labelled);
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
        String action = cell(record, layout.action());
        if (structures != null && value == null && isDelete(action)) {
            Optional<String> attribute = attributeMarked(record);
            if (attribute.isPresent()) {
                return ObservationRow.refused(Conflict.of(line, "row", ConflictCode.DELETE_ATTRIBUTE_UNSUPPORTED,
                        attribute.get()));
            }
        }
        String comment = cell(record, layout.comment());
        if (comment != null && layout.multilingualComment()) {
            comment = english(comment, languages);
        }
        return new ObservationRow(line, measure, coded(record, layout.area(), labelled),
                coded(record, layout.period(), labelled), dimensions, value, coded(record, layout.status(), labelled),
                comment, action);
    }

    private static boolean isDelete(String action) {
        return action != null && (action.trim().equalsIgnoreCase("D") || action.trim().equalsIgnoreCase("DELETE"));
    }

    /**
     * The first attribute column a delete marks while it leaves the value empty: SDMX-CSV deletes only those
     * attribute values then (field guide, example 16), which the store cannot do, since it deletes observations.
     * A custom column counts too: ignored on other rows, here it would turn an attribute delete into the
     * delete of the whole observation.
     */
    private Optional<String> attributeMarked(CsvRecord record) {
        List<Integer> attributes = new ArrayList<>();
        attributes.add(layout.status());
        attributes.add(layout.comment());
        for (int index : layout.customIndexes()) {
            attributes.add(index);
        }
        return attributes.stream().filter(i -> cell(record, i) != null).findFirst()
                .map(i -> "column " + (i + 1) + ": " + cell(record, i));
    }

    /** The header's custom columns, ignored (SDMX-CSV). */
    @Override
    public List<String> notes() {
        return layout.notes();
    }

    /**
     * A coded cell; with labels=both (the row's STRUCTURE_ID carries a name after its version) written as
     * "ID: name", of which the id is the code. Only then: "AT: x" in a plain row is a broken code, not a label.
     */
    private static String coded(CsvRecord record, int index, boolean labelled) {
        String text = cell(record, index);
        if (text == null || !labelled) {
            return text;
        }
        int label = text.indexOf(": ");
        return label < 0 ? text : text.substring(0, label);
    }

    /**
     * A multi-lingual comment ({@code OBS_COMMENT[en;fr]}, values {@code en:text;fr:texte}): the suite keeps one
     * text, the English one, else the first language's. Split at the sub-field separator followed by a language
     * prefix, so a ';' inside a text does not cut it.
     */
    static String english(String comment, Pattern prefix) {
        Matcher languages = prefix.matcher(comment);
        List<int[]> starts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        while (languages.find()) {
            starts.add(new int[] {languages.start(), languages.end()});
            codes.add(languages.group(1));
        }
        if (starts.isEmpty() || starts.get(0)[0] != 0) {
            return comment;
        }
        int chosen = Math.max(0, codes.indexOf("en"));
        int end = chosen + 1 < starts.size() ? starts.get(chosen + 1)[0] : comment.length();
        return comment.substring(starts.get(chosen)[1], end);
    }

    /** A value the declared decimal comma cannot read: refused as a record, never guessed. */
    private static ObservationRow undecimal(String line, String value) {
        return ObservationRow.refused(Conflict.of(line, "row", ConflictCode.ROW_MALFORMED, "The value '"
                + TextLimits.clean(value, TextLimits.CODE) + "' has a '.' or more than one ',', but the body declares"
                + " decimal=\",\": the comma is its decimal mark, and a dot could only group thousands. Write the"
                + " number without grouping, such as 1234,5."));
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
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body",
                "The CSV body is not valid UTF-8 (a byte sequence that is no character); send it encoded as UTF-8."));
    }

    private static ProblemException unreadable(CsvParseException e) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body",
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
