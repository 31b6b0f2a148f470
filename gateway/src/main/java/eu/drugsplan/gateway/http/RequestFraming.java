package eu.drugsplan.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * How a request body is framed and encoded, before anything reads it (RFC 9112 6, RFC 9110 8.4):
 * <ul>
 * <li>a Transfer-Encoding other than exactly {@code chunked}, more than one, one on HTTP/1.0, or a
 * Content-Length that is not one plain number: 400, and the connection is closed, since where this body ends
 * and the next request begins is in doubt;</li>
 * <li>any request that came chunked has its connection closed after the answer too: Netty reads such a
 * request by its Transfer-Encoding and drops a Content-Length sent beside it without a trace, and RFC 9112
 * 6.3 asks to close the connection after such a request (a smuggling attempt), which we cannot tell apart;</li>
 * <li>a Content-Encoding other than {@code identity}: 415 with Accept-Encoding, except one {@code gzip} on
 * {@code POST /api/v1/submissions}, which submissions-service decompresses with a limit on the expanded
 * size. The gateway never decompresses; elsewhere an encoded body would be read as plain text.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestFraming {

    static final String SUBMISSIONS = "/api/v1/submissions";

    /** First of all, as the path itself may be the start of a smuggled request. */
    public void checkFraming(RoutingContext context) {
        HttpServerRequest request = context.request();
        String framing = framingFault(request);
        if (framing != null) {
            Problems.sendAndClose(context, HttpResponseStatus.BAD_REQUEST, "bad-framing", framing);
            return;
        }
        if (request.headers().contains("Transfer-Encoding")) {
            context.response().putHeader("Connection", "close");
        }
        context.next();
    }

    /** After the canonical path is settled, which decides where gzip is allowed. */
    public void checkCoding(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean gzipAllowed = request.method() == HttpMethod.POST
                && SUBMISSIONS.equals(CanonicalPathFilter.path(context));
        if (!codingAccepted(request.headers().getAll("Content-Encoding"), gzipAllowed)) {
            context.response().putHeader("Accept-Encoding", gzipAllowed ? "gzip, identity" : "identity");
            Problems.send(context, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
                    gzipAllowed ? "A submission body may be sent as is or gzip-compressed (Content-Encoding: gzip), "
                            + "nothing else." : "This route takes request bodies without a Content-Encoding.");
            return;
        }
        context.next();
    }

    static String framingFault(HttpServerRequest request) {
        List<String> codings = request.headers().getAll("Transfer-Encoding");
        List<String> lengths = request.headers().getAll("Content-Length");
        if (codings.size() > 1 || codings.size() == 1 && !"chunked".equalsIgnoreCase(codings.get(0).trim())) {
            return "The only Transfer-Encoding accepted is a single 'chunked'.";
        }
        if (!codings.isEmpty() && request.version() == HttpVersion.HTTP_1_0) {
            return "HTTP/1.0 has no Transfer-Encoding; send a Content-Length.";
        }
        if (lengths.size() > 1 || lengths.size() == 1 && !lengths.get(0).trim().matches("[0-9]{1,18}")) {
            return "The Content-Length must be one whole number.";
        }
        if (!codings.isEmpty() && !lengths.isEmpty()) {
            return "A request must not have both a Content-Length and a Transfer-Encoding.";
        }
        return null;
    }

    static boolean codingAccepted(List<String> headers, boolean gzipAllowed) {
        int gzip = 0;
        for (String header : headers) {
            for (String coding : header.split(",")) {
                String name = coding.trim().toLowerCase(Locale.ROOT);
                if (name.equals("gzip")) {
                    gzip++;
                } else if (!name.equals("identity")) {
                    return false;
                }
            }
        }
        return gzip == 0 || gzipAllowed && gzip == 1;
    }
}
