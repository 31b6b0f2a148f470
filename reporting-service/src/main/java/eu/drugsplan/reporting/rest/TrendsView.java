package eu.drugsplan.reporting.rest;

import eu.drugsplan.reporting.service.TrendView;
import java.util.List;

/**
 * The trends of a measure as the API describes them. TrendResource joins the stored trend documents as text
 * instead of building one, so its answer must keep this shape by hand.
 */
public record TrendsView(String measure, List<TrendView> trends) {
}
