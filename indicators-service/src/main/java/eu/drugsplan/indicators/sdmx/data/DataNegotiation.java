package eu.drugsplan.indicators.sdmx.data;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.common.rest.ProblemException;
import eu.drugsplan.indicators.format.DataFormat;
import eu.drugsplan.indicators.format.DataLayout;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chooses the format of a data answer from {@code Accept} (with the SDMX {@code version} and SDMX-CSV options)
 * or from SDMX REST's {@code format} query parameter, which wins when given. Anything this service does not write,
 * including a format version it does not write and an SDMX-CSV option value the field guide does not define, is
 * a 406: answering it in another form with a 200 is what made clients silently read the wrong thing.
 */
public final class DataNegotiation {

    private DataNegotiation() {
    }

    /** The chosen format and its layout (SDMX-CSV options read; dimensionAtObservation and detail default). */
    public record Choice(DataFormat format, DataLayout layout) {
    }

    /**
     * The request's acceptable media types. JAX-RS throws on an {@code Accept} it cannot parse, which was a 500
     * (found by the e2e generator: {@code Accept: garbage}, an empty {@code Accept}): an empty one is read as none
     * given, anything else unreadable is a 406, since no format can be matched against it.
     */
    public static List<MediaType> acceptable(HttpHeaders headers) {
        List<String> given = headers.getRequestHeader(HttpHeaders.ACCEPT);
        if (given == null || given.stream().allMatch(String::isBlank)) {
            return List.of(MediaType.WILDCARD_TYPE);
        }
        try {
            return headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problems.of(Response.Status.NOT_ACCEPTABLE, "not-acceptable",
                    "The Accept header cannot be read as media ranges (such as application/json or "
                            + "application/vnd.sdmx.data+csv;version=2.0.0)."));
        }
    }

    public static Choice choose(List<MediaType> acceptable, DataFormat preferred, String formatParameter) {
        if (formatParameter != null && !formatParameter.isBlank()) {
            DataFormat format = DataFormat.byName(formatParameter)
                    .orElseThrow(() -> notAcceptable("format '" + formatParameter + "' is not one this service writes"));
            return new Choice(format, DataLayout.DEFAULT);
        }
        DataFormat.Negotiated negotiated = DataFormat.negotiate(acceptable, preferred)
                .orElseThrow(() -> notAcceptable("None of the accepted media types (" + acceptable.stream()
                        .map(MediaType::toString).collect(Collectors.joining(", ")) + ") is written here"));
        if (negotiated.format() != DataFormat.SDMX_CSV) {
            return new Choice(negotiated.format(), DataLayout.DEFAULT);
        }
        try {
            return new Choice(negotiated.format(), DataLayout.ofCsvOptions(negotiated.parameters()));
        } catch (IllegalArgumentException unknownOption) {
            throw notAcceptable("SDMX-CSV 2.0.0 option: " + unknownOption.getMessage());
        }
    }

    private static ProblemException notAcceptable(String why) {
        String written = Arrays.stream(DataFormat.values()).map(f -> f.mediaType().toString())
                .collect(Collectors.joining(", "));
        return new ProblemException(Problems.of(Response.Status.NOT_ACCEPTABLE, "not-acceptable",
                why + ". Data is written as " + written
                        + " (SDMX-CSV options: labels=id|name|both, timeFormat=original|normalized, "
                        + "keys=none|obs|series|both)"));
    }
}
