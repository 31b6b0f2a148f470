package eu.drugsplan.common.rest;

import eu.drugsplan.contracts.http.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the gateway's X-Request-Id into the logging context, so every line a request causes names it
 * ({@code [req=...]} on the console, the {@code mdc.requestId} field of the JSON logs). Quarkus keeps
 * the MDC per request (on its Vert.x context), also on the worker thread that runs a blocking resource.
 */
public class RequestIdLogging {

    public static final String HEADER = RequestIds.HEADER;
    public static final String MDC_KEY = RequestIds.MDC_KEY;

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (RequestIds.plausible(id)) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove(MDC_KEY);
    }
}
