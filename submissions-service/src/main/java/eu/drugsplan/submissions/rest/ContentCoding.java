package eu.drugsplan.submissions.rest;

import eu.drugsplan.common.rest.Problems;
import eu.drugsplan.contracts.series.TextLimits;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The Content-Encoding of a submission body (RFC 9110 8.4): none, identity or gzip (x-gzip is its old name,
 * RFC 9110 8.4.1.3). Any other coding, or several, would be read as plain text if ignored, so it is refused with
 * 415 and an Accept-Encoding naming what is accepted (RFC 9110 15.5.16). Quarkus' own request decompression stays
 * off (quarkus.http.enable-decompression): it would also take deflate, and the limit that matters is on the
 * expanded size, which {@link SpooledBody} applies while it copies.
 */
enum ContentCoding {
    IDENTITY,
    GZIP;

    static final String ACCEPTED = "gzip";

    /** @return the coding, or empty when the header names one that is not supported */
    static Optional<ContentCoding> of(String header) {
        String coding = header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> Optional.of(IDENTITY);
            case "gzip", "x-gzip" -> Optional.of(GZIP);
            default -> Optional.empty();
        };
    }

    /** The body as sent, decoded as it is read. A gzip body starts with its header, read here. */
    InputStream decode(InputStream body) throws IOException {
        return this == GZIP ? new GZIPInputStream(body, 1 << 16) : body;
    }

    static Response unsupported(String header, String path) {
        return Response.fromResponse(Problems.response(Problems.of(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-content-encoding", "A submission body may be sent as is or with Content-Encoding:"
                                + " gzip; got '" + TextLimits.clean(header, TextLimits.CODE) + "'. Nothing was stored.")
                        .at(path)))
                .header("Accept-Encoding", ACCEPTED).build();
    }
}
