package eu.drugsplan.submissions.format;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eu.drugsplan.contracts.series.TextLimits;
import eu.drugsplan.submissions.service.Conflict;
import eu.drugsplan.submissions.service.ConflictCode;
import eu.drugsplan.submissions.service.ObservationRow;
import eu.drugsplan.submissions.service.RowSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rows of a CSV body (text/csv or SDMX-CSV 2.0), parsed by FastCSV while they are read from the spooled
 * body: one record in memory at a time. A row is identified by its line number (the header is line 1).
 * An empty cell is an absent field, so one file can mix measures with different dimensions.
 */
public final class CsvRows implements RowSource {

    private final CsvReader<CsvRecord> reader;

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
        this.languages = CsvCells.languagePrefix(layout.subField());
    }

    private final Pattern languages;

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
                    .ofCsvRecord(CsvText.strictUtf8(body));
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
            throw CsvText.unreadable(e);
        } catch (UncheckedIOException e) {
            close(reader);
            throw CsvText.notUtf8(e);
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
            throw CsvText.unreadable(e);
        } catch (UncheckedIOException e) {
            throw CsvText.notUtf8(e);
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
            throw CsvText.unreadable(e);
        } catch (UncheckedIOException e) {
            throw CsvText.notUtf8(e);
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
            measure = CsvCells.cell(record, layout.measure());
        } else {
            SdmxStructure.Resolved structure = structures.resolve(line, CsvCells.cell(record, layout.structure()),
                    CsvCells.cell(record, layout.structureId()));
            if (structure.refused() != null) {
                return ObservationRow.refused(structure.refused());
            }
            measure = structure.measure();
            labelled = structure.labelled();
        }
        String value = CsvCells.cell(record, layout.value());
        if (value != null) {
            Optional<String> decimal = dialect.value(value);
            if (decimal.isEmpty()) {
                return undecimal(line, value);
            }
            value = decimal.get();
        }
        String action = CsvCells.cell(record, layout.action());
        Optional<String> attribute = structures != null && value == null && isDelete(action)
                ? attributeMarked(record) : Optional.empty();
        if (attribute.isPresent()) {
            return ObservationRow.refused(Conflict.of(line, "row", ConflictCode.DELETE_ATTRIBUTE_UNSUPPORTED,
                    attribute.get()));
        }
        return new ObservationRow(line, measure, CsvCells.coded(record, layout.area(), labelled),
                CsvCells.coded(record, layout.period(), labelled), dimensions(record, labelled), value,
                CsvCells.coded(record, layout.status(), labelled), comment(record), action);
    }

    private Map<String, String> dimensions(CsvRecord record, boolean labelled) {
        Map<String, String> dimensions = new HashMap<>(4);
        for (int i = 0; i < layout.dimensionNames().length; i++) {
            String code = CsvCells.coded(record, layout.dimensionIndexes()[i], labelled);
            if (code != null) {
                dimensions.put(layout.dimensionNames()[i], code);
            }
        }
        return dimensions;
    }

    private String comment(CsvRecord record) {
        String comment = CsvCells.cell(record, layout.comment());
        return comment != null && layout.multilingualComment() ? CsvCells.english(comment, languages) : comment;
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
        return attributes.stream().filter(i -> CsvCells.cell(record, i) != null).findFirst()
                .map(i -> "column " + (i + 1) + ": " + CsvCells.cell(record, i));
    }

    /** The header's custom columns, ignored (SDMX-CSV). */
    @Override
    public List<String> notes() {
        return layout.notes();
    }

    /** A value the declared decimal comma cannot read: refused as a record, never guessed. */
    private static ObservationRow undecimal(String line, String value) {
        return ObservationRow.refused(Conflict.of(line, "row", ConflictCode.ROW_MALFORMED, "The value '"
                + TextLimits.clean(value, TextLimits.CODE) + "' has a '.' or more than one ',', but the body declares"
                + " decimal=\",\": the comma is its decimal mark, and a dot could only group thousands. Write the"
                + " number without grouping, such as 1234,5."));
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
