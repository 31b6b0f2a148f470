package eu.drugsplan.contracts.http;

import java.util.regex.Pattern;

/**
 * The one rule for the X-Request-Id that follows a request through the gateway and every service's logs: a
 * caller's id is kept only if it is a plausible token, so that no caller can forge a log line with it (a newline,
 * a bracket, a megabyte).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The logging context's key: {@code [req=...]} on the console, {@code mdc.requestId} in the JSON logs. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    public static boolean plausible(String id) {
        return id != null && PLAUSIBLE.matcher(id).matches();
    }
}
