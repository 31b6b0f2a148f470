package eu.drugsplan.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Official by default, drafts on request (issue 16): the public reads hold official data only, and rows not yet
 * official live in submissions-service. {@code view=draft} on the data or trend read of one measure is answered
 * with a 303 to that measure's view with drafts ({@code /api/v1/submissions/drafts/{measure}}, the other
 * parameters kept), which needs the reporter's or a reviewer's token; on any other read it is a 400 naming where
 * drafts are, and any other value of {@code view} is a 400 too, so that no client takes official data for a draft
 * view or the other way round.
 */
@ApplicationScoped
public class DraftView implements Handler<RoutingContext> {

    static final String PARAMETER = "view";
    static final String DRAFTS = "/api/v1/submissions/drafts/";
    private static final Pattern MEASURE_READ = Pattern.compile("/api/v1/(data|trends)/([^/]+)");

    @Override
    public void handle(RoutingContext context) {
        String query = context.request().query();
        List<String> views = values(query);
        if (views.isEmpty()) {
            context.next();
            return;
        }
        if (views.size() > 1 || !views.get(0).equals("draft")) {
            Problems.send(context, HttpResponseStatus.BAD_REQUEST, "invalid-parameter",
                    "view takes one value, draft; without it a read shows official data only.");
            return;
        }
        String path = CanonicalPathFilter.path(context);
        Matcher read = MEASURE_READ.matcher(path);
        HttpMethod method = context.request().method();
        if (!read.matches() || !(method == HttpMethod.GET || method == HttpMethod.HEAD)) {
            Problems.send(context, HttpResponseStatus.BAD_REQUEST, "draft-view-not-here",
                    "The view with drafts is per measure: GET " + DRAFTS + "{measure} (or /api/v1/data/{measure} "
                            + "and /api/v1/trends/{measure} with view=draft), with the reporter's or a reviewer's token.");
            return;
        }
        String rest = without(query);
        context.response().setStatusCode(HttpResponseStatus.SEE_OTHER.code())
                .putHeader("Location", DRAFTS + read.group(2) + (rest.isEmpty() ? "" : "?" + rest))
                .putHeader("Cache-Control", "no-store")
                .end();
    }

    /** The values of the view parameter, decoded; empty when there is none. */
    static List<String> values(String query) {
        List<String> values = new ArrayList<>();
        for (String pair : pairs(query)) {
            int eq = pair.indexOf('=');
            if (isView(pair)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    /** The query without the view parameter, the other pairs as they were sent. */
    static String without(String query) {
        return String.join("&", pairs(query).stream().filter(pair -> !isView(pair)).toList());
    }

    private static boolean isView(String pair) {
        int eq = pair.indexOf('=');
        return decode(eq < 0 ? pair : pair.substring(0, eq)).equals(PARAMETER);
    }

    private static List<String> pairs(String query) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        return List.of(query.split("&")).stream().filter(p -> !p.isEmpty()).toList();
    }

    /** A malformed escape is not the view parameter: the service it goes to answers for it. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
