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
            sdmxHeader(header);
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
        if (sdmx) {
            csv.writeRecord(sdmxFields(row));
            return;
        }
        List<String> fields = new ArrayList<>(16);
        fields.addAll(List.of(message.query().measure(), row.area()));
        for (String dimension : message.query().dimensionOrder()) {
            fields.add(nullToEmpty(row.dimensions().get(dimension)));
        }
        fields.add(row.period());
        fields.add(plain(row.value()));
        fields.add(nullToEmpty(row.status()));
        fields.add(inert(row.comment()));
        fields.add(Boolean.toString(row.deleted()));
        fields.add(row.changedAt() == null ? "" : row.changedAt().toString());
        if (history) {
            fields.add(inert(row.reporter()));
            fields.add(row.submissionId() == null ? "" : row.submissionId().toString());
        }
        csv.writeRecord(fields);
    }

    /**
     * The SDMX-CSV 2.0 header with the field guide's options: labels=both writes "ID: name", labels=name adds a
     * name column after each id column (STRUCTURE_NAME after STRUCTURE_ID), keys adds SERIES_KEY and/or OBS_KEY
     * after ACTION.
     */
    private void sdmxHeader(List<String> header) {
        DataLayout layout = message.layout();
        header.addAll(List.of("STRUCTURE", "STRUCTURE_ID"));
        if (layout.labels() == DataLayout.Labels.NAME) {
            header.add("STRUCTURE_NAME");
        }
        header.add("ACTION");
        if (layout.seriesKeys()) {
            header.add("SERIES_KEY");
        }
        if (layout.observationKeys()) {
            header.add("OBS_KEY");
        }
        for (String dimension : message.seriesDimensions()) {
            component(header, dimension, message.codelistName(dimension));
        }
        component(header, "TIME_PERIOD", "Time period");
        component(header, "OBS_VALUE", "Observation value");
        component(header, "OBS_STATUS", message.codelistName("OBS_STATUS"));
        component(header, "OBS_COMMENT", "Comment");
    }

    private void component(List<String> header, String id, String name) {
        switch (message.layout().labels()) {
            case ID -> header.add(id);
            case NAME -> {
                header.add(id);
                header.add(name);
            }
            case BOTH -> header.add(id + ": " + name);
        }
    }

    private List<String> sdmxFields(ObservationRow row) {
        DataLayout layout = message.layout();
        List<String> fields = new ArrayList<>(24);
        fields.add("dataflow");
        switch (layout.labels()) {
            case ID -> fields.add(message.structureId());
            case NAME -> {
                fields.add(message.structureId());
                fields.add(message.structureName());
            }
            case BOTH -> fields.add(message.structureId() + ": " + message.structureName());
        }
        // a tombstone is an SDMX delete action; everything else is information
        fields.add(row.deleted() ? "D" : "I");
        List<String> key = new ArrayList<>();
        key.add(row.area());
        for (String dimension : message.query().dimensionOrder()) {
            key.add(nullToEmpty(row.dimensions().get(dimension)));
        }
        if (layout.seriesKeys()) {
            fields.add(String.join(".", key));
        }
        if (layout.observationKeys()) {
            fields.add(String.join(".", key) + "." + row.period());
        }
        List<String> dimensions = message.seriesDimensions();
        for (int i = 0; i < dimensions.size(); i++) {
            coded(fields, key.get(i), dimensions.get(i));
        }
        String period = layout.normalizedTime() ? PeriodText.normalized(row.period()) : row.period();
        uncoded(fields, period, period);
        uncoded(fields, plain(row.value()), "");
        coded(fields, nullToEmpty(row.status()), "OBS_STATUS");
        uncoded(fields, inert(row.comment()), "");
        return fields;
    }

    /** A coded value: its id, then (labels=name) its name in a column of its own, or (both) "id: name". */
    private void coded(List<String> fields, String code, String codelist) {
        String name = code.isEmpty() ? "" : message.label(codelist, code);
        switch (message.layout().labels()) {
            case ID -> fields.add(code);
            case NAME -> {
                fields.add(code);
                fields.add(name);
            }
            case BOTH -> fields.add(code.isEmpty() ? "" : code + ": " + name);
        }
    }

    /** A value that is not coded has no name: labels=name leaves its name column as the field guide shows it. */
    private void uncoded(List<String> fields, String value, String nameColumn) {
        fields.add(value);
        if (message.layout().labels() == DataLayout.Labels.NAME) {
            fields.add(nameColumn);
        }
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
