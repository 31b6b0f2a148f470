package eu.drugsplan.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.config.GatewayConfig;
import eu.drugsplan.gateway.proxy.Route;
import eu.drugsplan.gateway.security.AccessRules;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.HttpUtils;
import java.lang.reflect.Proxy;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 14, "an access decision on any spelling of a path equals the decision on its canonical form": generated
 * spellings of the public routes (dot segments, doubled and encoded slashes, backslashes, percent-encoded
 * letters in either case, NUL, matrix parameters, trailing slashes, absolute-form), each decided as the gateway
 * decides it: refused by CanonicalPath, or routed where Vert.x routes (its own normalisation) and judged by
 * AccessRules on the canonical path. Every decision is the refusal or the canonical route's decision. The old
 * gateway judged the raw path while routing the normalised one: "/api/v1/openapi/../submissions" was routed to
 * submissions-service under the open rule of the OpenAPI document. jqwik prints the seed of a failure.
 */
class CanonicalPathProperties {

    private static final List<String> ROUTES = List.of("/api/v1/submissions",
            "/api/v1/submissions/7d3b2c1e-0000-4000-8000-000000000001", "/api/v1/indicators", "/api/v1/indicators/PI09",
            "/api/v1/measures/PI09.X", "/api/v1/codelists/CL_SEX", "/api/v1/data/PI09.X", "/api/v1/data/PI09.X/history",
            "/api/v1/data/PI09.X/PI09.X:AT:SEX=M", "/api/v1/coverage", "/api/v1/trends/PI09.X", "/api/v1/trends/stream",
            "/api/v1/scoreboard", "/api/v1/openapi", "/api/v1/reporters", "/", "/index.html",
            // issue 16: the review actions (reviewer, submitter) and the review queue and audit (reviewer)
            "/api/v1/submissions/7d3b2c1e-0000-4000-8000-000000000001/release",
            "/api/v1/submissions/7d3b2c1e-0000-4000-8000-000000000001/return",
            "/api/v1/submissions/7d3b2c1e-0000-4000-8000-000000000001/withdraw", "/api/v1/review/queue",
            "/api/v1/review/audit");

    private final AccessRules rules = new AccessRules(config(true));

    @Property(seed = "20261201", tries = 3000)
    void every_spelling_is_refused_or_decided_as_its_canonical_path(@ForAll("spellings") Spelling spelling) {
        String canonical = decision(spelling.method(), spelling.route());
        String decided = decision(spelling.method(), spelling.target());
        assertThat(decided).as(spelling.method() + " " + spelling.target()).isIn("refused", canonical);
    }

    @Property(seed = "20261201", tries = 200)
    void canonical_routes_are_accepted_as_they_are(@ForAll("routes") String route) {
        assertThat(CanonicalPath.of(route).path()).isEqualTo(route);
        assertThat(CanonicalPath.of("http://h.example" + route).path()).isEqualTo(route);
    }

    /** The decision of the gateway as a string: refused, or which service and which requirement. */
    private String decision(HttpMethod method, String target) {
        CanonicalPath.Verdict verdict = CanonicalPath.of(target);
        if (!verdict.accepted()) {
            return "refused";
        }
        String rawPath = target.startsWith("/") ? target : target.substring(target.indexOf('/', target.indexOf("//") + 2));
        int query = rawPath.indexOf('?');
        String routed = HttpUtils.normalizePath(query < 0 ? rawPath : rawPath.substring(0, query));
        if (!routed.equals(verdict.path())) {
            return "refused"; // CanonicalPathFilter refuses a path Vert.x would route elsewhere
        }
        return service(routed) + " " + rules.of(method, verdict.path());
    }

    private static String service(String path) {
        for (Route route : Route.values()) {
            for (String prefix : route.prefixes()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return route.name();
                }
            }
        }
        return path.equals(ApiRoutes.OPENAPI) ? "OPENAPI" : path.startsWith("/api/") ? "NONE" : "PAGE";
    }

    record Spelling(HttpMethod method, String route, String target) {
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of(ROUTES);
    }

    @Provide
    Arbitrary<Spelling> spellings() {
        Arbitrary<HttpMethod> methods = Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE);
        Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(methods, Arbitraries.of(ROUTES), edits)
                .as((method, route, cuts) -> new Spelling(method, route, spell(route, cuts)));
    }

    /**
     * One ambiguous spelling of the route per cut, at a segment boundary, each read by some server as the same
     * path: a "." or "x/.." segment, a doubled or encoded or backslashed '/', a matrix parameter, an encoded
     * letter, a trailing '/' or "/.", the absolute form.
     */
    private static String spell(String route, List<Integer> cuts) {
        StringBuilder target = new StringBuilder(route);
        for (int cut : cuts) {
            int boundary = boundary(target, cut);
            switch (cut % 11) {
                case 0 -> target.insert(boundary, "/.");
                case 1 -> target.insert(boundary, "/x/..");
                case 2 -> target.insert(boundary, "/openapi/..");
                case 3 -> target.insert(boundary, "/");
                case 4 -> {
                    // not the path's first slash: replacing that one would change the authority, not the path
                    if (boundary > boundary(target, 0) && target.charAt(boundary - 1) != '/') {
                        target.replace(boundary, boundary + 1, List.of("%2F", "%2f", "%5C").get(cut % 3));
                    }
                }
                case 5 -> target.insert(segmentEnd(target, boundary), ";x=1");
                case 6 -> encodeLetter(target, boundary, cut % 2 == 0);
                case 7 -> target.append(cut % 2 == 0 ? "/" : "/.");
                case 8 -> target.insert(segmentEnd(target, boundary), "%00");
                default -> {
                    if (target.charAt(0) == '/') {
                        target.insert(0, "http://h.example");
                    }
                }
            }
        }
        return target.toString();
    }

    /** The index of one of the target's path slashes (after an absolute form's authority). */
    private static int boundary(StringBuilder target, int cut) {
        int from = target.charAt(0) == '/' ? 0 : Math.max(0, target.indexOf("/", target.indexOf("//") + 2));
        List<Integer> slashes = new java.util.ArrayList<>();
        for (int i = from; i < target.length(); i++) {
            if (target.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        return slashes.isEmpty() ? from : slashes.get(cut % slashes.size());
    }

    private static int segmentEnd(StringBuilder target, int boundary) {
        int next = target.indexOf("/", boundary + 1);
        return next < 0 ? target.length() : next;
    }

    private static void encodeLetter(StringBuilder target, int at, boolean upper) {
        for (int i = at; i < target.length(); i++) {
            char c = target.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                target.replace(i, i + 1, String.format(upper ? "%%%02X" : "%%%02x", (int) c));
                return;
            }
        }
    }

    private static GatewayConfig config(boolean publicRead) {
        GatewayConfig.Access access = (GatewayConfig.Access) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.Access.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "publicRead" -> publicRead;
                    case "readRoles" -> List.of("reader", "reviewer", "admin");
                    case "submitRole" -> "submitter";
                    case "reviewRole" -> "reviewer";
                    case "adminRole" -> "admin";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("access")) {
                        return access;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
