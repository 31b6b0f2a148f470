package eu.drugsplan.gateway.protection;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body streamed to a backend under a watchdog: every chunk from the client resets it, and a body
 * that stops moving fails the stream with {@link BodyStalledException}, which makes the proxy reset the
 * backend request (freeing its connection). The watch is suspended while the gateway itself pauses the body
 * (the backend reads slower than the client sends): that wait is not the client's.
 */
final class WatchedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final Watchdog watchdog;
    private Handler<Throwable> exceptionHandler;
    private boolean stalled;

    WatchedBody(Vertx vertx, ReadStream<Buffer> body, long idleMillis) {
        this.body = body;
        this.watchdog = new Watchdog(vertx, idleMillis, () -> stall(idleMillis));
    }

    boolean stalled() {
        return stalled;
    }

    private void stall(long idleMillis) {
        stalled = true;
        body.pause();
        body.handler(null);
        Handler<Throwable> handler = exceptionHandler;
        if (handler != null) {
            handler.handle(new BodyStalledException(idleMillis));
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        body.exceptionHandler(handler == null ? null : failure -> {
            watchdog.stop();
            handler.handle(failure);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        watchdog.start();
        body.handler(chunk -> {
            watchdog.touch();
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        body.endHandler(end -> {
            watchdog.stop();
            if (handler != null) {
                handler.handle(end);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        watchdog.suspend();
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!stalled) {
            watchdog.resume();
            body.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!stalled) {
            watchdog.resume();
            body.fetch(amount);
        }
        return this;
    }
}
