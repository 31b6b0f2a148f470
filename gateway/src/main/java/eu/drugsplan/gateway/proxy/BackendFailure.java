package eu.drugsplan.gateway.proxy;

import eu.drugsplan.gateway.http.Problems;
import eu.drugsplan.gateway.protection.BodyStalledException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Every way a proxied exchange can fail, answered as application/problem+json with Retry-After: a client
 * never hangs and never sees a stack trace.
 */
public class BackendFailure implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(BackendFailure.class);
    private static final String CLOSE = "drugsplan.close-after-answer";

    /** What went wrong, and how the client is told. */
    enum Kind {
        /** The client's body stopped moving (protection/BodyProgress). */
        BODY_STALLED(HttpResponseStatus.REQUEST_TIMEOUT, "body-timeout"),
        /** No pooled connection came free within the wait, or too many already wait for one. */
        POOL_BUSY(HttpResponseStatus.SERVICE_UNAVAILABLE, "backend-busy"),
        /** The backend connection carried no byte for the idle timeout. */
        TIMED_OUT(HttpResponseStatus.GATEWAY_TIMEOUT, "backend-timeout"),
        /** Refused, unreachable, or failed otherwise. */
        UNAVAILABLE(HttpResponseStatus.SERVICE_UNAVAILABLE, "backend-unavailable");

        final HttpResponseStatus status;
        final String slug;

        Kind(HttpResponseStatus status, String slug) {
            this.status = status;
            this.slug = slug;
        }

        static Kind of(Throwable failure) {
            if (failure instanceof BodyStalledException) {
                return BODY_STALLED;
            }
            // the only TimeoutException a request meets: RequestOptions' connect timeout, the wait for a pooled
            // connection ("... has been exceeded when getting a connection to ...")
            if (failure instanceof ConnectionPoolTooBusyException || failure instanceof TimeoutException) {
                return POOL_BUSY;
            }
            // the client's idle timeout closes a silent connection, which fails its request this way
            if (failure instanceof HttpClosedException) {
                return TIMED_OUT;
            }
            return UNAVAILABLE;
        }
    }

    private final String service;
    private final int busyRetryAfter;

    public BackendFailure(String service, int busyRetryAfter) {
        this.service = service;
        this.busyRetryAfter = busyRetryAfter;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (Boolean.TRUE.equals(context.get(CLOSE, Boolean.class))
                && context.request().proxiedRequest().version() != HttpVersion.HTTP_2) {
            // the rest of the body is never read: the connection cannot carry another request
            HttpServerResponse response = context.request().proxiedRequest().response();
            sent.onComplete(done -> response.close());
        }
        return sent;
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        Kind kind = Kind.of(failure);
        LOG.warnf("%s: %s for %s %s: %s", service, kind, context.request().getMethod(), context.request().getURI(),
                failure.toString());
        String json = Problems.document(kind.status, kind.slug, detail(kind), context.request().proxiedRequest().path());
        ProxyResponse response = context.request().response();
        response.setStatusCode(kind.status.code());
        response.setStatusMessage(kind.status.reasonPhrase());
        response.headers().clear();
        response.putHeader("Content-Type", Problems.MEDIA_TYPE);
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("Retry-After", kind == Kind.POOL_BUSY ? Integer.toString(busyRetryAfter) : "5");
        if (kind == Kind.BODY_STALLED) {
            response.putHeader("Connection", "close");
            context.set(CLOSE, true);
        }
        response.setBody(Body.body(Buffer.buffer(json)));
        return response;
    }

    private String detail(Kind kind) {
        return switch (kind) {
            case BODY_STALLED -> "The request body stopped arriving; send it again, without pausing for so long.";
            case POOL_BUSY -> "The " + service + " is busy with other requests; try again shortly.";
            case TIMED_OUT -> "The " + service + " did not answer in time; try again.";
            case UNAVAILABLE -> "The " + service + " is not available at the moment; try again shortly.";
        };
    }
}
