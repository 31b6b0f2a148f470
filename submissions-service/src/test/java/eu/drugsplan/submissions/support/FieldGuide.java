package eu.drugsplan.submissions.support;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of the SDMX-CSV 2.0 field guide, read from the published copy in ../shared/standards (never
 * copied into the project), and rewritten with the suite's components: the header terms and the cells are
 * mapped one by one, everything else (separators, labels, quoting, line breaks, row layout) stays as the guide
 * writes it.
 */
public final class FieldGuide {

    private static final Pattern EXAMPLE = Pattern.compile("^#### (\\d+(?:-[A-Z])?)\\)");

    private FieldGuide() {
    }

    /** The folder of the shared specifications: ../shared/standards next to the repository (or a worktree's parent). */
    public static Path standards() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/standards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/standards is not next to the repository: the specifications the"
                + " tests read are missing");
    }

    /**
     * Each example's CSV text by its number ("1", "9-A" ...): the tab-indented lines after its heading; a second
     * block of the same example (19 shows two, joined by "or") gets the suffix "-or".
     */
    public static Map<String, String> examples() {
        List<String> lines;
        try {
            lines = Files.readAllLines(standards().resolve("sdmx-csv/sdmx-csv-2.0.0-field-guide.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> examples = new LinkedHashMap<>();
        String current = null;
        StringBuilder block = null;
        for (String line : lines) {
            Matcher heading = EXAMPLE.matcher(line);
            if (heading.find()) {
                flush(examples, current, block);
                current = heading.group(1);
                block = null;
            } else if (current != null && line.startsWith("\t")) {
                if (block == null) {
                    block = new StringBuilder();
                }
                block.append(line.substring(1)).append('\n');
            } else if (current != null && block != null && !line.isBlank()) {
                flush(examples, current, block);
                block = null;
                current = current + "-or";
            }
        }
        flush(examples, current, block);
        return examples;
    }

    private static void flush(Map<String, String> examples, String id, StringBuilder block) {
        if (id != null && block != null) {
            examples.put(id, block.toString());
        }
    }

    /**
     * The example with its header terms and cells mapped. A header term keeps its suffix (": label" or a
     * "[...]" term) and a cell written "ID: name" keeps its name; terms and cells the maps do not name stay.
     * cells maps a cell of the (mapped) column.
     */
    public static String rewrite(String example, char separator, Map<String, String> terms,
                                 Map<String, UnaryOperator<String>> cells) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(example)) {
            reader.forEach(r -> records.add(new ArrayList<>(r.getFields())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = new ArrayList<>();
        for (String term : records.get(0)) {
            int cut = indexOfAny(term, "[:");
            String id = cut < 0 ? term : term.substring(0, cut);
            header.add(terms.getOrDefault(id, id) + (cut < 0 ? "" : term.substring(cut)));
        }
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().fieldSeparator(separator).lineDelimiter(LineDelimiter.LF).build(out)) {
            write(writer, header, records, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(CsvWriter writer, List<String> header, List<List<String>> records,
                              Map<String, UnaryOperator<String>> cells) {
        writer.writeRecord(header);
        for (List<String> record : records.subList(1, records.size())) {
            List<String> mapped = new ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
                String column = i < header.size() ? header.get(i) : "";
                int cut = indexOfAny(column, "[:");
                UnaryOperator<String> cell = cells.get(cut < 0 ? column : column.substring(0, cut));
                mapped.add(cell == null ? record.get(i) : labelled(record.get(i), cell));
            }
            writer.writeRecord(mapped);
        }
    }

    /** A value map applied to "ID: name" keeps the name; to "ID" it maps the id. */
    private static String labelled(String cell, UnaryOperator<String> map) {
        int label = cell.indexOf(": ");
        return label < 0 ? map.apply(cell) : map.apply(cell.substring(0, label)) + cell.substring(label);
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
