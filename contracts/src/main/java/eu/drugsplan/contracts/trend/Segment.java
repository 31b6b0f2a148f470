package eu.drugsplan.contracts.trend;

import java.util.List;

/**
 * Where the series' last segment starts: a value flagged as a break (OBS_STATUS B, a change of recording or
 * definition) starts a new one, and the long-term growth and the Mann-Kendall test (with the overall assessment
 * it gives) are computed on the last segment only, so that a change of recording is not reported as a change of
 * the drug situation. The year-on-year change, the short-term growth and Sen's slope still use every point.
 *
 * @param breaks     the periods flagged as breaks, in time order
 * @param start      the first period of the last segment (the last break, else the first period), null when empty
 * @param pointCount the points of the last segment
 */
public record Segment(List<String> breaks, String start, int pointCount) {

    public Segment {
        breaks = List.copyOf(breaks);
    }
}
