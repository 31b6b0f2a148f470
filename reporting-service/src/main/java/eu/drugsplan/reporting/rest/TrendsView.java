package eu.drugsplan.reporting.rest;

import com.fasterxml.jackson.databind.util.RawValue;
import eu.drugsplan.reporting.service.TrendView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the trends of a measure, written by Jackson. Each trend is the stored trend document as it is
 * (the JSON of a {@link TrendView}, written when the trend was computed), passed through as raw JSON: a page of
 * 500 trends is not parsed and serialised again on every read.
 */
public record TrendsView(String measure,
                         @Schema(description = "This page's number, from 1") int page,
                         @Schema(description = "The page size asked for (or the default)") int size,
                         @Schema(description = "Series matching the query, on every page") long total,
                         @Schema(type = SchemaType.ARRAY, implementation = TrendView.class) List<RawValue> trends) {

    public static TrendsView of(String measure, int page, int size, long total, List<String> storedTrends) {
        return new TrendsView(measure, page, size, total, storedTrends.stream().map(RawValue::new).toList());
    }
}
