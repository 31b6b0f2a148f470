package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.submissions.config.SubmissionsConfig;
import eu.drugsplan.submissions.format.BodyFormat;
import eu.drugsplan.submissions.format.SheetParameters;
import eu.drugsplan.submissions.format.XlsxRows;
import eu.drugsplan.submissions.format.XlsxVocabulary;
import eu.drugsplan.submissions.format.XlsxWorkbook;
import eu.drugsplan.submissions.service.Catalogue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The query parameters of a spreadsheet submission: {@code measure}, {@code unit} and a fixed dimension per
 * upper-case code list id ({@code SUBSTANCE=CANNABIS}), read for the wide layout. Sent with another format they
 * would be ignored, so they are refused instead.
 */
final class SheetRequest {

    private SheetRequest() {
    }

    /** A dimension parameter is named as code lists are; whether the measure has it, the layout checks. */
    private static final Pattern DIMENSION = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    static SheetParameters parameters(BodyFormat format, MultivaluedMap<String, String> query) {
        Map<String, String> dimensions = new TreeMap<>();
        Optional<String> measure = single(query, "measure");
        Optional<String> unit = single(query, "unit");
        for (String name : query.keySet()) {
            if (DIMENSION.matcher(name).matches()) {
                single(query, name).ifPresent(code -> dimensions.put(name, code));
            }
        }
        SheetParameters parameters = new SheetParameters(measure, unit, Map.copyOf(dimensions));
        if (format != BodyFormat.XLSX && !parameters.isEmpty()) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter",
                    "The query parameters measure, unit and dimension ids are read for a spreadsheet's wide layout"
                            + " only; a " + format.mediaType() + " body names them in every row. Nothing was stored."));
        }
        return parameters;
    }

    static XlsxRows rows(Path body, Catalogue catalogue, SheetParameters parameters, SubmissionsConfig.Xlsx config) {
        XlsxWorkbook.Limits limits = new XlsxWorkbook.Limits(config.maxPartSize().asLongValue(),
                config.maxSharedStringsSize().asLongValue(), config.minInflateRatio());
        return XlsxRows.open(body, new XlsxVocabulary(catalogue), parameters, limits, config.maxObservations());
    }

    private static Optional<String> single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1 || values.get(0).isBlank()) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter",
                    "The query parameter " + name + " takes one value. Nothing was stored."));
        }
        return Optional.of(values.get(0).trim());
    }
}
