package eu.drugsplan.submissions.format;

import java.util.Map;
import java.util.Optional;

/**
 * What a wide sheet's header block or the request's query parameters say once for every row: the measure, its
 * unit (checked against the catalogue's) and fixed dimension codes by code list id.
 */
public record SheetParameters(Optional<String> measure, Optional<String> unit, Map<String, String> dimensions) {

    public static final SheetParameters NONE = new SheetParameters(Optional.empty(), Optional.empty(), Map.of());

    public boolean isEmpty() {
        return measure.isEmpty() && unit.isEmpty() && dimensions.isEmpty();
    }
}
