package eu.drugsplan.gateway.protection;

import io.vertx.core.Vertx;

/**
 * Fires once when nothing happened for a whole idle period: every touch starts the period again, and while
 * suspended (the gateway itself holds the body back, e.g. for a slow backend) the period does not run. One
 * timer per watch, re-armed for the rest of the period rather than replaced on each touch, so a body of a
 * million chunks costs a handful of timers. Used from one event loop only.
 */
final class Watchdog {

    private final Vertx vertx;
    private final long idleMillis;
    private final Runnable onIdle;
    private long lastActivity;
    private long timer = -1;
    private boolean suspended;
    private boolean stopped;

    Watchdog(Vertx vertx, long idleMillis, Runnable onIdle) {
        this.vertx = vertx;
        this.idleMillis = idleMillis;
        this.onIdle = onIdle;
    }

    void start() {
        if (timer < 0 && !stopped) {
            lastActivity = now();
            timer = vertx.setTimer(idleMillis, id -> check());
        }
    }

    void touch() {
        lastActivity = now();
    }

    void suspend() {
        suspended = true;
    }

    void resume() {
        suspended = false;
        lastActivity = now();
    }

    void stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void check() {
        if (stopped) {
            return;
        }
        long quiet = now() - lastActivity;
        if (suspended || quiet < idleMillis) {
            timer = vertx.setTimer(suspended ? idleMillis : idleMillis - quiet, id -> check());
            return;
        }
        stopped = true;
        onIdle.run();
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
