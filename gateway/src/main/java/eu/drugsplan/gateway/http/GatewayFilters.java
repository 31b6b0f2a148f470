package eu.drugsplan.gateway.http;

import eu.drugsplan.gateway.protection.BodySizeLimit;
import eu.drugsplan.gateway.protection.ClientConcurrency;
import eu.drugsplan.gateway.protection.ConnectionLimit;
import eu.drugsplan.gateway.proxy.ForwardingHeaders;
import eu.drugsplan.gateway.protection.RateLimiter;
import eu.drugsplan.gateway.protection.SecurityHeaders;
import eu.drugsplan.gateway.security.AccessPolicy;
import eu.drugsplan.gateway.security.BearerAuthentication;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The checks every API request passes, in this order, before the proxy routes (which have no explicit order
 * and so come after these negative ones): the request id and the answer's headers and framing are set up
 * first, so that every refusal carries them; then, for every path, the request's framing (a doubtful one
 * closes the connection) and its one canonical path, which every later rule reads (http/CanonicalPath); then
 * for the API size (cheapest, and before a body is read), whether the path and method exist, whether a view
 * with drafts is asked for (DraftView: a redirect, before any token is read), then who is
 * calling, then how often they call, then whether they may.
 */
@ApplicationScoped
public class GatewayFilters {

    static final String API = "/api/v1/*";
    /** The SDMX APIs (docs/sdmx.md) pass the same checks as the suite's own API. */
    static final String SDMX = "/sdmx/*";

    void register(@Observes Router router, SecurityHeaders headers, BodySizeLimit bodySize,
                  BearerAuthentication authentication, RateLimiter rateLimiter, AccessPolicy access,
                  ResponseFraming responseFraming, RequestFraming requestFraming, CanonicalPathFilter canonicalPath,
                  ApiRoutes apiRoutes, ConnectionLimit connections, ClientConcurrency concurrency,
                  ResponseCompression compression, DraftView draftView) {
        router.route().order(-300).handler(ForwardingHeaders::adoptRequestId);
        router.route().order(-200).handler(headers);
        router.route().order(-195).handler(responseFraming);
        router.route().order(-192).handler(requestFraming::checkFraming);
        router.route().order(-190).handler(canonicalPath);
        router.route().order(-185).handler(requestFraming::checkCoding);
        router.route().order(-180).handler(connections);
        for (String api : new String[] {API, SDMX}) {
            router.route(api).order(-145).handler(compression);
            router.route(api).order(-140).handler(bodySize);
            router.route(api).order(-135).handler(apiRoutes);
            router.route(api).order(-133).handler(draftView);
            router.route(api).order(-130).handler(authentication);
            router.route(api).order(-125).handler(concurrency);
            router.route(api).order(-120).handler(rateLimiter);
            router.route(api).order(-110).handler(access);
        }
    }
}
