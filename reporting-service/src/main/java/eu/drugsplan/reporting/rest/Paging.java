package eu.drugsplan.reporting.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.reporting.service.PageRequest;
import jakarta.ws.rs.core.Response;

/**
 * The {@code page} (from 1) and {@code size} parameters of a list. A size above the list's maximum is refused with a
 * 400 problem rather than cut silently: a client that asked for more would otherwise take a short page for the end.
 */
final class Paging {

    static final String PAGE = "page";
    static final String SIZE = "size";

    private Paging() {
    }

    /** @param max the list's maximum page size, also the size when none is asked for */
    static PageRequest parse(String page, String size, int max, String list) {
        int number = parse(PAGE, page, 1);
        int items = parse(SIZE, size, max);
        if (number < 1 || items < 1) {
            throw invalid("'page' and 'size' start at 1.");
        }
        if (items > max) {
            throw new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "page-too-large",
                    "'size' is " + items + ", more than the " + max + " series a page of " + list
                            + " may hold; ask for the next page instead."));
        }
        return new PageRequest(number, items);
    }

    private static int parse(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid("'" + name + "' is a whole number.");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.of(Response.Status.BAD_REQUEST, "invalid-parameter", detail));
    }
}
