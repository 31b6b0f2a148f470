package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.contracts.series.TextLimits;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where each field of a row sits in a CSV header. Both CSV formats map to the same fields; every column that
 * is not a field is a dimension named by its code list id (SEX, AGE ...). Absent fields have index -1.
 */
record CsvLayout(int width, int measure, int structure, int structureId, int area, int period, int value, int status,
                 int comment, int action, String[] dimensionNames, int[] dimensionIndexes, boolean multilingualComment,
                 char subField, List<String> notes, int[] customIndexes) {

    private static final Pattern DIMENSION = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    /**
     * A custom SDMX-CSV column term: an SDMX-like id of at most 32 characters, optionally with a [...] term and
     * '.'-nested parts (the field guide's {@code CONTACT[].NAME[]}). Anything else in a header is more likely a
     * broken file than a column someone meant, and is refused.
     */
    private static final Pattern CUSTOM = Pattern.compile(
            "[A-Za-z][A-Za-z0-9_-]{0,31}(\\[[^\\]\\[]{0,64}])?(\\.[A-Za-z][A-Za-z0-9_-]{0,31}(\\[[^\\]\\[]{0,64}])?){0,4}");

    /** The documented header of text/csv: lower-case field names, upper-case dimension columns. */
    static CsvLayout plain(List<String> header) {
        Map<String, Integer> columns = index(header, name -> name);
        Set<String> fields = Set.of("measure", "area", "period", "value", "status", "comment", "action");
        require(columns, "measure", "area", "period", "value");
        List<String> dimensions = dimensions(columns, fields);
        return of(header.size(), columns, "measure", null, "area", "period", "value", "status", "comment", "action", dimensions);
    }

    /**
     * SDMX-CSV 2.0 (see the submissions-service README for every rule and the field guide's examples): STRUCTURE
     * (or {@code STRUCTURE[;]}, naming the sub-field separator), STRUCTURE_ID, the optional STRUCTURE_NAME, ACTION,
     * SERIES_KEY and OBS_KEY, then the components in any order; {@code ID: label} headers are read by their id, and
     * with STRUCTURE_NAME ({@code labels=name}) the column after each component is its name and is skipped. A
     * column that is neither a field nor a dimension of the catalogue is a custom column (the guide allows any):
     * ignored, and said so in the summary's notes.
     */
    static CsvLayout sdmx(List<String> header, Set<String> dimensionIds) {
        List<String> ids = new ArrayList<>(header.size());
        char subField = ';';
        for (String term : header) {
            String id = idOf(term);
            if (id.startsWith("STRUCTURE[") && id.endsWith("]")) {
                subField = id.length() > "STRUCTURE[]".length() ? id.charAt("STRUCTURE[".length()) : ';';
                id = "STRUCTURE";
            }
            ids.add(id);
        }
        SdmxColumns read = new SdmxColumns(dimensionIds);
        boolean labelsName = ids.contains("STRUCTURE_NAME");
        for (int i = 0; i < ids.size(); i++) {
            boolean component = read.column(ids.get(i), i);
            if (labelsName && component) {
                i++; // its localised name
            }
        }
        Map<String, Integer> columns = read.columns;
        require(columns, "STRUCTURE", "STRUCTURE_ID");
        for (String key : List.of("REF_AREA", "TIME_PERIOD")) {
            if (!columns.containsKey(key)) {
                throw badHeader("The header has no '" + key + "' column: every observation the suite stores is"
                        + " identified by its area and period, so neither a delete by partial key nor attributes"
                        + " attached to a partial key can be read (see the submissions-service README).");
            }
        }
        String comment = columns.containsKey("OBS_COMMENT") ? "OBS_COMMENT" : "COMMENT";
        CsvLayout layout = of(header.size(), columns, null, "STRUCTURE_ID", "REF_AREA", "TIME_PERIOD", "OBS_VALUE",
                "OBS_STATUS", comment, "ACTION", read.dimensions);
        return new CsvLayout(layout.width, -1, at(columns, "STRUCTURE"), layout.structureId, layout.area, layout.period,
                layout.value, layout.status, layout.comment, layout.action, layout.dimensionNames,
                layout.dimensionIndexes, read.multilingualComment, subField, List.copyOf(read.notes),
                read.custom.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The columns of an SDMX-CSV header as they are read, one by one. */
    private static final class SdmxColumns {

        private static final Set<String> FIXED = Set.of("STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION",
                "SERIES_KEY", "OBS_KEY");
        private static final Set<String> FIELDS = Set.of("REF_AREA", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS",
                "OBS_COMMENT", "COMMENT");

        private final Set<String> dimensionIds;
        private final Map<String, Integer> columns = new HashMap<>();
        private final List<String> dimensions = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Integer> custom = new ArrayList<>();
        private boolean multilingualComment;

        SdmxColumns(Set<String> dimensionIds) {
            this.dimensionIds = dimensionIds;
        }

        /** Reads the column {@code id} at {@code index}; @return whether it is a component (not a fixed field) */
        boolean column(String id, int index) {
            int bracket = id.indexOf('[');
            String base = bracket < 0 ? id : id.substring(0, bracket);
            String terms = bracket < 0 ? "" : id.substring(bracket);
            if (FIXED.contains(id) || FIELDS.contains(base) || dimensionIds.contains(base)) {
                known(id, base, terms, index);
            } else if (CUSTOM.matcher(id).matches()) {
                notes.add("The column '" + id + "' is no component of the suite's structures and was ignored.");
                custom.add(index);
            } else {
                throw badHeader("The column '" + TextLimits.clean(id, TextLimits.CODE) + "' is neither a component of"
                        + " the suite's structures nor a custom column term (a letter, then at most 31 letters, digits,"
                        + " '_' or '-', optionally with [...] and '.'-nested parts).");
            }
            return !FIXED.contains(id);
        }

        private void known(String id, String base, String terms, int index) {
            if (!terms.isEmpty() && !(base.equals("OBS_COMMENT") || base.equals("COMMENT")) || terms.equals("[]")) {
                throw badHeader("The column '" + TextLimits.clean(id, TextLimits.CODE) + "' is multi-valued, but "
                        + base + " takes one value in the suite's structures; send it without '[]'.");
            }
            multilingualComment |= !terms.isEmpty();
            if (columns.putIfAbsent(base, index) != null) {
                throw badHeader("The column '" + base + "' appears twice in the header.");
            }
            if (dimensionIds.contains(base) && !FIELDS.contains(base)) {
                dimensions.add(base);
            }
        }
    }

    /** The id of a header term written as "ID: label" (labels=both). */
    private static String idOf(String term) {
        String trimmed = term.trim();
        int colon = trimmed.indexOf(':');
        return (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim();
    }

    private static CsvLayout of(int width, Map<String, Integer> columns, String measure, String structureId, String area,
                                String period, String value, String status, String comment, String action,
                                List<String> dimensions) {
        int[] dimensionIndexes = dimensions.stream().mapToInt(columns::get).toArray();
        return new CsvLayout(width, at(columns, measure), -1, at(columns, structureId), at(columns, area),
                at(columns, period), at(columns, value), at(columns, status), at(columns, comment), at(columns, action),
                dimensions.toArray(String[]::new), dimensionIndexes, false, ';', List.of(), new int[0]);
    }

    private static Map<String, Integer> index(List<String> header, java.util.function.UnaryOperator<String> name) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = name.apply(header.get(i).trim());
            if (columns.putIfAbsent(column, i) != null) {
                throw badHeader("The column '" + column + "' appears twice in the header.");
            }
        }
        return columns;
    }

    private static List<String> dimensions(Map<String, Integer> columns, Set<String> fields) {
        List<String> dimensions = new ArrayList<>();
        for (String column : columns.keySet()) {
            if (fields.contains(column)) {
                continue;
            }
            if (!DIMENSION.matcher(column).matches()) {
                throw badHeader("The column '" + column + "' is neither a field of the documented header nor a"
                        + " dimension (an upper-case code list id such as SEX or AGE).");
            }
            dimensions.add(column);
        }
        return dimensions;
    }

    private static void require(Map<String, Integer> columns, String... names) {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw badHeader("The header has no '" + name + "' column.");
            }
        }
    }

    private static int at(Map<String, Integer> columns, String name) {
        return name == null ? -1 : columns.getOrDefault(name, -1);
    }

    static ProblemException badHeader(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "unreadable-body", detail));
    }
}
