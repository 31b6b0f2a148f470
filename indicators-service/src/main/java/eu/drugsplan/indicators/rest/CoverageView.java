package eu.drugsplan.indicators.rest;

import java.util.List;

/**
 * Which area reported which period of a measure: one row per area, one cell per period (null = nothing
 * reported), the completeness view used to chase missing reports.
 */
public record CoverageView(String measure, String areaKind, List<String> periods, List<AreaRow> areas) {

    /** @param reported how many of the periods have data */
    public record AreaRow(String area, String label, int reported, List<Cell> cells) {
    }

    /**
     * @param status       the status most observations of the cell carry (A = normal value, E = estimated ...)
     * @param observations how many observations (dimension combinations) the area reported for the period
     * @param statuses     every status in the cell, when they differ
     */
    public record Cell(String status, int observations, List<String> statuses) {
    }
}
