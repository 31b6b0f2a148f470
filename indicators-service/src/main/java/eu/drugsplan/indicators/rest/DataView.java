package eu.drugsplan.indicators.rest;

import java.util.List;

/**
 * The JSON data message as the API describes it. JsonDataWriter streams it field by field and never builds one,
 * so that a measure's whole store never sits in memory; its shape must stay this one.
 */
public record DataView(String measure, List<SeriesView> series) {
}
