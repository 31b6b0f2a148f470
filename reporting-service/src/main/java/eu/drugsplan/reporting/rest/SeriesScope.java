package eu.drugsplan.reporting.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import jakarta.ws.rs.core.Response;

/**
 * The {@code series} parameter of the scoreboard and the trend list: the catalogue's headline series or all.
 * The scoreboard defaults to headline, the trend list (still) to all: see the module README.
 */
public enum SeriesScope {
    HEADLINE,
    ALL;

    static final String PARAMETER = "series";

    static SeriesScope parse(String value, SeriesScope otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        if (value.equals("headline")) {
            return HEADLINE;
        }
        if (value.equals("all")) {
            return ALL;
        }
        throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter",
                "'series' is 'headline' (the catalogue's headline series only) or 'all'."));
    }
}
