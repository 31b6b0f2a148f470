package eu.drugsplan.gateway.proxy;

import eu.drugsplan.gateway.http.Problems;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A backend that is down answers 503 and a backend that does not answer in time 504, both as
 * application/problem+json: a client never hangs and never sees a stack trace.
 */
public class BackendFailure implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(BackendFailure.class);

    private final String service;

    public BackendFailure(String service) {
        this.service = service;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        boolean timedOut = failure instanceof TimeoutException || failure instanceof HttpClosedException
                || String.valueOf(failure.getMessage()).contains("timeout");
        HttpResponseStatus status = timedOut ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.SERVICE_UNAVAILABLE;
        LOG.warnf("%s unreachable for %s %s: %s", service, context.request().getMethod(), context.request().getURI(),
                failure.toString());
        String detail = timedOut
                ? "The " + service + " did not answer in time; try again."
                : "The " + service + " is not available at the moment; try again shortly.";
        String json = Problems.document(status, timedOut ? "backend-timeout" : "backend-unavailable", detail,
                context.request().getURI()).encode();
        ProxyResponse response = context.request().response();
        response.setStatusCode(status.code());
        response.setStatusMessage(status.reasonPhrase());
        response.headers().clear();
        response.putHeader("Content-Type", Problems.MEDIA_TYPE);
        response.putHeader("Retry-After", "5");
        response.setBody(Body.body(Buffer.buffer(json)));
        return response;
    }
}
