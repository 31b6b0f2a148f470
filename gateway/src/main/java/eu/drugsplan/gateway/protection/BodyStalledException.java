package eu.drugsplan.gateway.protection;

/** A request body that stopped moving for longer than the gateway waits (answered 408). */
public class BodyStalledException extends RuntimeException {

    public BodyStalledException(long idleMillis) {
        super("the request body sent nothing for " + idleMillis + " ms", null, false, false);
    }
}
