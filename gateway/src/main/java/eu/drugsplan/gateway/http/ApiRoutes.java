package eu.drugsplan.gateway.http;

import eu.drugsplan.gateway.proxy.Route;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What exists under /api/v1 and with which methods, answered by the gateway itself as problem documents: a
 * path no service owns is a 404 (not the framework's HTML page), a method the public API does not offer there
 * is a 405 with Allow. The public API reads everywhere and writes only submissions: a new one, the review
 * actions on one ({@code /api/v1/submissions/{id}/release|return|withdraw|warnings/accept}, issue 16) and on many
 * ({@code /api/v1/review/release|return}), which only write
 * (ApiRoutesTest holds this table to the committed OpenAPI document, api/openapi.json).
 */
@ApplicationScoped
public class ApiRoutes implements Handler<RoutingContext> {

    static final String OPENAPI = "/api/v1/openapi";
    static final String SUBMISSIONS = "/api/v1/submissions";
    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String READ_ALLOW = "GET, HEAD, OPTIONS";
    private static final Pattern REVIEW_ACTION = Pattern.compile(
            "/api/v1/submissions/[^/]+/(release|return|withdraw|warnings/accept)|/api/v1/review/(release|return)");
    private static final String ACTION_ALLOW = "OPTIONS, POST";

    @Override
    public void handle(RoutingContext context) {
        String path = CanonicalPathFilter.path(context);
        if (!routed(path)) {
            Problems.send(context, HttpResponseStatus.NOT_FOUND, "not-found",
                    "No part of the public API is at this path; /api/v1/openapi describes what is.");
            return;
        }
        if (!allowed(context.request().method(), path)) {
            context.response().putHeader("Allow", allow(path));
            Problems.send(context, HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    context.request().method().name() + " is not offered here; Allow lists what is.");
            return;
        }
        context.next();
    }

    public static boolean routed(String path) {
        if (path.equals(OPENAPI)) {
            return true;
        }
        for (Route route : Route.values()) {
            for (String prefix : route.prefixes()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean allowed(HttpMethod method, String path) {
        if (REVIEW_ACTION.matcher(path).matches()) {
            return method == HttpMethod.POST || method == HttpMethod.OPTIONS;
        }
        return READ.contains(method) || method == HttpMethod.POST && path.equals(SUBMISSIONS);
    }

    public static String allow(String path) {
        if (REVIEW_ACTION.matcher(path).matches()) {
            return ACTION_ALLOW;
        }
        return path.equals(SUBMISSIONS) ? READ_ALLOW + ", POST" : READ_ALLOW;
    }
}
