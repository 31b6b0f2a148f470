package eu.drugsplan.reporting.rest;

import eu.drugsplan.reporting.service.TrendView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The trends of a measure as the API describes them. TrendResource joins the stored trend documents as text
 * instead of building one, so its answer must keep this shape by hand.
 */
public record TrendsView(String measure,
                         @Schema(description = "This page's number, from 1") int page,
                         @Schema(description = "The page size asked for (or the default)") int size,
                         @Schema(description = "Series matching the query, on every page") long total,
                         List<TrendView> trends) {
}
