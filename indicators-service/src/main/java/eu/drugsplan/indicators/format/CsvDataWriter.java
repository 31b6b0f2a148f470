package eu.drugsplan.indicators.format;

import de.siegmar.fastcsv.writer.CsvWriter;
import eu.drugsplan.indicators.repository.ObservationRow;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain CSV ({@code text/csv}) and SDMX-CSV 2.0: one line per observation, one column per dimension in
 * catalogue order. FastCSV does the quoting (comments hold commas, quotes and line breaks).
 */
final class CsvDataWriter implements DataWriter {

    private final CsvWriter csv;
    private final DataMessage message;
    private final boolean sdmx;
    private final boolean history;

    CsvDataWriter(OutputStream out, DataMessage message, boolean sdmx) {
        this.csv = CsvWriter.builder().bufferSize(1 << 16).build(out, StandardCharsets.UTF_8);
        this.message = message;
        this.sdmx = sdmx;
        this.history = message.query().includeHistory();
    }

    @Override
    public void start() {
        List<String> header = new ArrayList<>();
        if (sdmx) {
            header.addAll(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA"));
            header.addAll(message.query().dimensionOrder());
            header.addAll(List.of("TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_COMMENT"));
        } else {
            header.addAll(List.of("measure", "area"));
            header.addAll(message.query().dimensionOrder());
            header.addAll(List.of("period", "value", "status", "comment", "deleted", "updated_at"));
            if (history) {
                header.addAll(List.of("reporter", "submission_id"));
            }
        }
        csv.writeRecord(header);
    }

    @Override
    public void row(ObservationRow row) {
        List<String> fields = new ArrayList<>(16);
        if (sdmx) {
            // a tombstone is an SDMX delete action; everything else is information
            fields.addAll(List.of("dataflow", message.structureId(), row.deleted() ? "D" : "I", row.area()));
        } else {
            fields.addAll(List.of(message.query().measure(), row.area()));
        }
        for (String dimension : message.query().dimensionOrder()) {
            fields.add(nullToEmpty(row.dimensions().get(dimension)));
        }
        fields.add(row.period());
        fields.add(plain(row.value()));
        fields.add(nullToEmpty(row.status()));
        fields.add(inert(row.comment()));
        if (!sdmx) {
            fields.add(Boolean.toString(row.deleted()));
            fields.add(row.changedAt() == null ? "" : row.changedAt().toString());
            if (history) {
                fields.add(inert(row.reporter()));
                fields.add(row.submissionId() == null ? "" : row.submissionId().toString());
            }
        }
        csv.writeRecord(fields);
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * Free text as a spreadsheet will not run it: a cell that begins with = + - @ or a tab or carriage return is
     * read by Excel and LibreOffice as a formula (CSV injection), so it gets a leading apostrophe, which they show
     * as text. Only free text needs it; codes are validated at intake and values are written from numbers, so a
     * negative value keeps its minus sign.
     */
    static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
