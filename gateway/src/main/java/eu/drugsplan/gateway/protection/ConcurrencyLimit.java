package eu.drugsplan.gateway.protection;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of something each client holds at once (connections, requests in flight, open streams), with a
 * ceiling per client. Unlike a rate, a holding is given back: a client at its ceiling gets room again as soon
 * as one of its holdings ends. A ceiling of 0 or less means no limit.
 */
public final class ConcurrencyLimit {

    private final int ceiling;
    private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

    public ConcurrencyLimit(int ceiling) {
        this.ceiling = ceiling;
    }

    /** Takes one holding for the client, unless it is at its ceiling. */
    public boolean tryAcquire(String client) {
        if (ceiling <= 0) {
            return true;
        }
        boolean[] taken = {false};
        held.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= ceiling) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    /** Gives one holding back; a client holding nothing is forgotten, so the map never outgrows the clients present. */
    public void release(String client) {
        if (ceiling > 0) {
            held.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    public int held(String client) {
        return held.getOrDefault(client, 0);
    }

    public int ceiling() {
        return ceiling;
    }
}
