package eu.drugsplan.gateway.protection;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * A request body that stops moving is answered 408 (by proxy/BackendFailure) instead of holding a backend
 * connection while the client dawdles; a body that keeps moving is never cut, however long it takes.
 * <ul>
 * <li>A small body (with a Content-Length up to the buffer limit: every route's but the submissions') is read
 * whole here before a backend connection is taken, so an unfinished body never reaches the pool.</li>
 * <li>A larger or chunked body (an upload) streams to the backend, each chunk resetting a watchdog.</li>
 * </ul>
 * Runs last of the proxy's interceptors: the proxy takes a pooled connection only once they all passed the
 * request on.
 */
public class BodyProgress implements ProxyInterceptor {

    private final Vertx vertx;
    private final long idleMillis;
    private final long bufferLimit;

    public BodyProgress(Vertx vertx, long idleMillis, long bufferLimit) {
        this.vertx = vertx;
        this.idleMillis = idleMillis;
        this.bufferLimit = bufferLimit;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        MultiMap headers = context.request().proxiedRequest().headers();
        long length = declaredLength(headers.get("Content-Length"));
        if (length == 0 || length < 0 && !headers.contains("Transfer-Encoding")) {
            return context.sendRequest();
        }
        return length > 0 && length <= bufferLimit ? buffered(context) : watched(context);
    }

    private Future<ProxyResponse> buffered(ProxyContext context) {
        ProxyRequest request = context.request();
        ReadStream<Buffer> in = request.getBody().stream();
        Buffer body = Buffer.buffer();
        Promise<Buffer> whole = Promise.promise();
        Watchdog watchdog = new Watchdog(vertx, idleMillis, () -> {
            in.pause();
            whole.tryFail(new BodyStalledException(idleMillis));
        });
        in.handler(chunk -> {
            watchdog.touch();
            body.appendBuffer(chunk);
        });
        in.exceptionHandler(whole::tryFail);
        in.endHandler(end -> whole.tryComplete(body));
        watchdog.start();
        in.resume();
        return whole.future()
                .andThen(done -> watchdog.stop())
                .compose(complete -> {
                    request.setBody(Body.body(complete));
                    return context.sendRequest();
                });
    }

    private Future<ProxyResponse> watched(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        WatchedBody watched = new WatchedBody(vertx, body.stream(), idleMillis);
        request.setBody(Body.body(watched, body.length()));
        // the backend request was reset because the body stalled: say so, rather than how the reset surfaced
        return context.sendRequest().recover(failure -> Future.failedFuture(
                watched.stalled() ? new BodyStalledException(idleMillis) : failure));
    }

    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
