package eu.drugsplan.loader;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** Reading the source files: FastCSV for the quoting, tolerant of the bulletin's title lines and trailing commas. */
final class CsvFiles {

    private CsvFiles() {
    }

    static List<CsvRecord> read(Path file) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(file)) {
            return reader.stream().toList();
        }
    }

    /** The index of the first record whose first field is {@code name}: the header under the bulletin's title. */
    static int headerIndex(List<CsvRecord> records, String name) {
        for (int i = 0; i < records.size(); i++) {
            if (name.equals(records.get(i).getField(0).trim())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no header row starting with '" + name + "'");
    }

    static String field(CsvRecord record, int index) {
        return index < record.getFieldCount() ? record.getField(index).trim() : "";
    }

    /** A decimal as written in the file; empty or "NA" is no value. */
    static BigDecimal decimal(String text) {
        if (text.isEmpty() || text.equalsIgnoreCase("NA")) {
            return null;
        }
        return new BigDecimal(text);
    }

    /** "2015" or "2015.0" -> "2015". */
    static String year(String text) {
        BigDecimal year = decimal(text);
        return year == null ? null : Integer.toString(year.intValueExact());
    }
}
