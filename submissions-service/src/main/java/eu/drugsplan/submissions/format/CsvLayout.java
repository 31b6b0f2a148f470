package eu.drugsplan.submissions.format;

import eu.drugsplan.common.rest.Problem;
import eu.drugsplan.common.rest.ProblemException;
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
record CsvLayout(int width, int measure, int structureId, int area, int period, int value, int status, int comment,
                 int action, String[] dimensionNames, int[] dimensionIndexes) {

    private static final Pattern DIMENSION = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /** The documented header of text/csv: lower-case field names, upper-case dimension columns. */
    static CsvLayout plain(List<String> header) {
        Map<String, Integer> columns = index(header, name -> name);
        Set<String> fields = Set.of("measure", "area", "period", "value", "status", "comment", "action");
        require(columns, "measure", "area", "period", "value");
        List<String> dimensions = dimensions(columns, fields);
        return of(header.size(), columns, "measure", null, "area", "period", "value", "status", "comment", "action", dimensions);
    }

    /** SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID, ACTION, then components; "ID: label" headers are read by their id. */
    static CsvLayout sdmx(List<String> header) {
        Map<String, Integer> columns = index(header, name -> {
            int colon = name.indexOf(':');
            String id = (colon < 0 ? name : name.substring(0, colon)).trim();
            // STRUCTURE[;] names the sub-field separator of multi-valued components; the column is STRUCTURE
            return id.startsWith("STRUCTURE[") && id.endsWith("]") ? "STRUCTURE" : id;
        });
        Set<String> fields = Set.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "TIME_PERIOD", "OBS_VALUE",
                "OBS_STATUS", "COMMENT", "OBS_COMMENT");
        require(columns, "STRUCTURE", "STRUCTURE_ID", "REF_AREA", "TIME_PERIOD", "OBS_VALUE");
        List<String> dimensions = dimensions(columns, fields);
        String comment = columns.containsKey("OBS_COMMENT") ? "OBS_COMMENT" : "COMMENT";
        return of(header.size(), columns, null, "STRUCTURE_ID", "REF_AREA", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS",
                comment, "ACTION", dimensions);
    }

    private static CsvLayout of(int width, Map<String, Integer> columns, String measure, String structureId, String area,
                                String period, String value, String status, String comment, String action,
                                List<String> dimensions) {
        int[] dimensionIndexes = dimensions.stream().mapToInt(columns::get).toArray();
        return new CsvLayout(width, at(columns, measure), at(columns, structureId), at(columns, area),
                at(columns, period), at(columns, value), at(columns, status), at(columns, comment), at(columns, action),
                dimensions.toArray(String[]::new), dimensionIndexes);
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
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "unreadable-body", detail));
    }
}
