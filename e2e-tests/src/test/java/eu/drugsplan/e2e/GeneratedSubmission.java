package eu.drugsplan.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A generated submission: its rows as a client means them, and the bytes of the document in one of the three
 * formats (JSON, CSV, SDMX-CSV 2.0) written as other people's tools write them (column order, quoting, line
 * endings and a mix of measures vary; {@code layout} seeds those choices so that a failure replays exactly).
 */
record GeneratedSubmission(Format format, List<Row> rows, long layout) {

    static final String SDMX_CSV = "application/vnd.sdmx.data+csv;version=2.0.0";

    enum Format { JSON, CSV, SDMX_CSV }

    /**
     * One observation as the client writes it. {@code value} is the text of the value (a JSON number token
     * unless {@code valueQuoted}); {@code jsonExtra}, when set, is a member appended to the row's JSON object
     * as written (a duplicated key, say); every null field is left out.
     */
    record Row(String measure, String area, String period, Map<String, String> dimensions, String value,
               boolean valueQuoted, String status, String comment, String action, String jsonExtra) {

        static Row of(String measure, String area, String period, Map<String, String> dimensions, String value) {
            return new Row(measure, area, period, dimensions, value, false, null, null, null, null);
        }

        Row withValue(String newValue, boolean quoted) {
            return new Row(measure, area, period, dimensions, newValue, quoted, status, comment, action, jsonExtra);
        }

        Row withStatus(String newStatus) {
            return new Row(measure, area, period, dimensions, value, valueQuoted, newStatus, comment, action, jsonExtra);
        }

        Row withComment(String newComment) {
            return new Row(measure, area, period, dimensions, value, valueQuoted, status, newComment, action, jsonExtra);
        }

        Row withAction(String newAction) {
            return new Row(measure, area, period, dimensions, value, valueQuoted, status, comment, newAction, jsonExtra);
        }

        Row withPeriod(String newPeriod) {
            return new Row(measure, area, newPeriod, dimensions, value, valueQuoted, status, comment, action, jsonExtra);
        }

        Row withArea(String newArea) {
            return new Row(measure, newArea, period, dimensions, value, valueQuoted, status, comment, action, jsonExtra);
        }

        Row withMeasure(String newMeasure) {
            return new Row(newMeasure, area, period, dimensions, value, valueQuoted, status, comment, action, jsonExtra);
        }

        Row withDimensions(Map<String, String> newDimensions) {
            return new Row(measure, area, period, newDimensions, value, valueQuoted, status, comment, action, jsonExtra);
        }

        Row withJsonExtra(String member) {
            return new Row(measure, area, period, dimensions, value, valueQuoted, status, comment, action, member);
        }

        /** The observation this row is about: measure, area, dimensions (in any order) and period. */
        String key() {
            return measure + "|" + area + "|" + new TreeMap<>(dimensions) + "|" + period;
        }

        @Override
        public String toString() {
            return "Row[" + shown(measure) + " " + shown(area) + " " + shown(period) + " " + shown(String.valueOf(dimensions))
                    + " value=" + shown(value)
                    + (valueQuoted ? " (quoted)" : "") + (status == null ? "" : " status=" + shown(status))
                    + (comment == null ? "" : " comment=" + shown(comment)) + (action == null ? "" : " action=" + shown(action))
                    + (jsonExtra == null ? "" : " json+=" + shown(jsonExtra)) + "]";
        }

        private static String shown(String text) {
            return text == null ? "null" : "'" + RawHttp.abbreviate(text, 120) + "'";
        }
    }

    String contentType() {
        return switch (format) {
            case JSON -> "application/json";
            case CSV -> "text/csv";
            case SDMX_CSV -> SDMX_CSV;
        };
    }

    byte[] body() {
        return bytes(render());
    }

    /**
     * UTF-8, except that a lone surrogate is written as the three bytes its code unit would take (invalid
     * UTF-8, as a careless encoder writes it) instead of being replaced by '?', which would make it valid text.
     */
    static byte[] bytes(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xE0 | c >> 12);
                out.write(0x80 | c >> 6 & 0x3F);
                out.write(0x80 | c & 0x3F);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    String render() {
        return switch (format) {
            case JSON -> json();
            case CSV -> csv(',', false);
            case SDMX_CSV -> sdmxCsv();
        };
    }

    /** The CSV as Excel writes it in most EU locales: semicolons between cells, decimal commas in values. */
    String semicolonCsvWithDecimalCommas() {
        return csv(';', true);
    }

    @Override
    public String toString() {
        return format + " " + rows + " (layout " + layout + ")";
    }

    // --- JSON ---------------------------------------------------------------------------------------------

    private String json() {
        Random random = new Random(layout);
        String newline = random.nextBoolean() ? "\n" : "";
        List<String> objects = new ArrayList<>();
        for (Row row : rows) {
            List<String> members = new ArrayList<>();
            member(members, "measure", row.measure());
            member(members, "area", row.area());
            member(members, "period", row.period());
            if (!row.dimensions().isEmpty()) {
                List<String> dimensions = new ArrayList<>();
                row.dimensions().forEach((name, code) -> dimensions.add(quote(name) + ": " + quote(code)));
                members.add("\"dimensions\": {" + String.join(", ", dimensions) + "}");
            }
            if (row.value() != null) {
                members.add("\"value\": " + (row.valueQuoted() ? quote(row.value()) : row.value()));
            }
            member(members, "status", row.status());
            member(members, "comment", row.comment());
            member(members, "action", row.action());
            Collections.shuffle(members, random);
            if (row.jsonExtra() != null) {
                members.add(row.jsonExtra());
            }
            objects.add("{" + String.join(", ", members) + "}");
        }
        return "{\"observations\": [" + newline + String.join("," + newline, objects) + "]}" + newline;
    }

    private static void member(List<String> members, String name, String value) {
        if (value != null) {
            members.add(quote(name) + ": " + quote(value));
        }
    }

    /** A JSON string; control characters and lone surrogates as escapes, so that they arrive as sent. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                quoted.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c >= 0x7F && c <= 0x9F) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    // --- CSV ----------------------------------------------------------------------------------------------

    private String csv(char separator, boolean decimalComma) {
        Random random = new Random(layout);
        List<String> columns = new ArrayList<>(List.of("measure", "area", "period", "value"));
        boolean anyStatus = rows.stream().anyMatch(r -> r.status() != null);
        boolean anyComment = rows.stream().anyMatch(r -> r.comment() != null);
        boolean anyAction = rows.stream().anyMatch(r -> r.action() != null);
        if (anyStatus || random.nextBoolean()) {
            columns.add("status");
        }
        if (anyComment || random.nextBoolean()) {
            columns.add("comment");
        }
        if (anyAction || random.nextInt(4) == 0) {
            columns.add("action");
        }
        columns.addAll(dimensionNames());
        Collections.shuffle(columns, random);
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        boolean quoteAll = random.nextInt(5) == 0;
        StringBuilder csv = new StringBuilder(String.join(String.valueOf(separator), columns)).append(newline);
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                String cell = switch (column) {
                    case "measure" -> row.measure();
                    case "area" -> row.area();
                    case "period" -> row.period();
                    case "value" -> decimalComma && row.value() != null ? row.value().replace('.', ',') : row.value();
                    case "status" -> row.status();
                    case "comment" -> row.comment();
                    case "action" -> row.action();
                    default -> row.dimensions().get(column);
                };
                cells.add(cell(cell, separator, quoteAll));
            }
            csv.append(String.join(String.valueOf(separator), cells)).append(newline);
        }
        return random.nextInt(4) == 0 ? csv.substring(0, csv.length() - newline.length()) : csv.toString();
    }

    private TreeSet<String> dimensionNames() {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.dimensions().keySet()));
        return names;
    }

    /** RFC 4180: a cell holding the separator, a quote or a line break is quoted, its quotes doubled. */
    static String cell(String text, char separator, boolean quoteAll) {
        if (text == null) {
            return "";
        }
        boolean needsQuotes = quoteAll || text.indexOf(separator) >= 0 || text.contains("\"") || text.contains("\n")
                || text.contains("\r");
        return needsQuotes ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    // --- SDMX-CSV 2.0 -------------------------------------------------------------------------------------

    private String sdmxCsv() {
        Random random = new Random(layout);
        List<String> dimensions = new ArrayList<>(dimensionNames());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("STRUCTURE", "STRUCTURE");
        headers.put("STRUCTURE_ID", "STRUCTURE_ID");
        headers.put("ACTION", "ACTION");
        headers.put("REF_AREA", random.nextInt(3) == 0 ? "REF_AREA: Reference area" : "REF_AREA");
        dimensions.forEach(d -> headers.put(d, random.nextInt(3) == 0 ? d + ": " + d.toLowerCase() : d));
        headers.put("TIME_PERIOD", "TIME_PERIOD");
        headers.put("OBS_VALUE", "OBS_VALUE");
        headers.put("OBS_STATUS", "OBS_STATUS");
        headers.put("OBS_COMMENT", "OBS_COMMENT");
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", headers.values().stream().map(h -> cell(h, ',', false)).toList())).append(newline);
        for (Row row : rows) {
            String structure = random.nextBoolean() ? "EUDRUGS:" + row.measure() + "(1.0)" : row.measure();
            List<String> cells = new ArrayList<>();
            for (String column : headers.keySet()) {
                String cell = switch (column) {
                    case "STRUCTURE" -> "dataflow";
                    case "STRUCTURE_ID" -> row.measure() == null ? null : structure;
                    case "ACTION" -> row.action() == null ? (random.nextBoolean() ? "I" : null) : row.action();
                    case "REF_AREA" -> row.area();
                    case "TIME_PERIOD" -> row.period();
                    case "OBS_VALUE" -> row.value();
                    case "OBS_STATUS" -> row.status();
                    case "OBS_COMMENT" -> row.comment();
                    default -> row.dimensions().get(column);
                };
                cells.add(cell(cell, ',', false));
            }
            csv.append(String.join(",", cells)).append(newline);
        }
        return csv.toString();
    }
}
