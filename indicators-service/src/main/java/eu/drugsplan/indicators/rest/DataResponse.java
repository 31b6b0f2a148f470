package eu.drugsplan.indicators.rest;

import java.util.List;

/** The JSON data message: every series of a measure matching the query. */
public record DataResponse(String measure, List<SeriesView> series) {
}
