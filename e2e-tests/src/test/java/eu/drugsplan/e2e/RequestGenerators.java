package eu.drugsplan.e2e;

import eu.drugsplan.testsupport.SdmxRoutes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of requests other than submission bodies: the routes of the public OpenAPI document filled with
 * sample values (the SDMX routes with values valid for their templates, {@link SdmxRoutes}), other spellings of
 * their paths, query parameters and headers as clients and attackers send them.
 */
final class RequestGenerators {

    static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /** One route of the document: its method and a concrete path (with a query where the route needs one). */
    record Route(String method, String path, String query) {

        String target() {
            return query.isEmpty() ? path : path + "?" + query;
        }

        @Override
        public String toString() {
            return method + " " + target();
        }
    }

    /** Another way of writing a path, named so that a shrunk failure says which. */
    record Spelling(String name, UnaryOperator<String> change) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Route> routes;
    private final String area;

    RequestGenerators(List<String[]> documentRoutes, String area) {
        this.area = area;
        List<Route> concrete = new ArrayList<>();
        for (String[] route : documentRoutes) {
            concrete.add(concrete(route[0], route[1]));
        }
        concrete.add(new Route("GET", "/api/v1/openapi", ""));
        this.routes = List.copyOf(concrete);
    }

    List<Route> routes() {
        return routes;
    }

    private Route concrete(String method, String template) {
        if (SdmxRoutes.isSdmx(template)) {
            return new Route(method, SdmxRoutes.concrete(template, area), "");
        }
        String path = template.replace("/codelists/{id}", "/codelists/SEX")
                .replace("/indicators/{code}", "/indicators/PI09")
                .replace("/measures/{code}", "/measures/" + MEASURE)
                .replace("/submissions/{id}", "/submissions/6f1c2d3e-0000-4000-8000-000000000000")
                .replace("{key}", area + ".M.TOTAL")
                .replace("{measure}", MEASURE);
        String query = switch (template) {
            case "/api/v1/data/{measure}", "/api/v1/trends/{measure}" -> "area=" + area;
            case "/api/v1/data/{measure}/history" -> "area=" + area + "&period=2016&SEX=M&AGE=TOTAL";
            case "/api/v1/coverage" -> "measure=" + MEASURE;
            case "/api/v1/trends/stream" -> "measure=" + MEASURE + "&area=" + area;
            case "/api/v1/submissions" -> method.equals("POST") ? "dryRun=true" : "";
            default -> "";
        };
        return new Route(method, path, query);
    }

    Arbitrary<Route> route() {
        return Arbitraries.of(routes);
    }

    // --- spellings of a path ------------------------------------------------------------------------------

    /** One to three changes that leave the path meaning the same route, or make it ambiguous. */
    Arbitrary<List<Spelling>> spellings() {
        return spelling().list().ofMinSize(1).ofMaxSize(3);
    }

    static String spell(String path, List<Spelling> spellings) {
        String spelled = path;
        for (Spelling spelling : spellings) {
            spelled = spelling.change().apply(spelled);
        }
        return spelled;
    }

    private Arbitrary<Spelling> spelling() {
        Arbitrary<Integer> where = Arbitraries.integers().between(1, 8);
        Arbitrary<Spelling> dot = where.map(i -> new Spelling("'.' segment at " + i, p -> insertSegment(p, i, ".")));
        Arbitrary<Spelling> encodedDot = Combinators.combine(where, Arbitraries.of("%2e", "%2E")).as((i, e) ->
                new Spelling("'" + e + "' segment at " + i, p -> insertSegment(p, i, e)));
        Arbitrary<Spelling> dotDot = Combinators.combine(where, Arbitraries.of("openapi", "x", "measures", "submissions",
                "%2e")).as((i, s) -> new Spelling("'" + s + "/..' at " + i, p -> insertSegment(p, i, s + "/..")));
        Arbitrary<Spelling> encodedDotDot = Combinators.combine(where, Arbitraries.of("%2e%2e", "%2E%2E", ".%2e", "%2e.")).as((i, s) ->
                new Spelling("'x/" + s + "' at " + i, p -> insertSegment(p, i, "x/" + s)));
        Arbitrary<Spelling> empty = where.map(i -> new Spelling("empty segment at " + i, p -> insertSegment(p, i, "")));
        Arbitrary<Spelling> trailing = Arbitraries.of("/", "//", "/.").map(t -> new Spelling("trailing '" + t + "'", p -> p + t));
        Arbitrary<Spelling> percent = Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.of(true, false))
                .as((n, upper) -> new Spelling("character " + n + " percent-encoded" + (upper ? "" : " in lower case"),
                        p -> percentEncode(p, n, upper)));
        Arbitrary<Spelling> slash = Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.of("%2F", "%2f", "%5C", "\\"))
                .as((i, s) -> new Spelling("slash " + i + " written " + s, p -> replaceSlash(p, i, s)));
        Arbitrary<Spelling> nul = where.map(i -> new Spelling("NUL segment at " + i, p -> insertSegment(p, i, "%00")));
        return Arbitraries.frequencyOf(Tuple.of(3, dot), Tuple.of(2, encodedDot), Tuple.of(3, dotDot), Tuple.of(2, encodedDotDot),
                Tuple.of(3, empty), Tuple.of(2, trailing), Tuple.of(4, percent), Tuple.of(1, slash), Tuple.of(1, nul));
    }

    private static String insertSegment(String path, int index, String segment) {
        String[] parts = path.substring(1).split("/", -1);
        int at = Math.min(index, parts.length);
        List<String> segments = new ArrayList<>(List.of(parts));
        segments.add(at, segment);
        return "/" + String.join("/", segments);
    }

    /** The n-th unreserved character of the path (counting round) as %XX: RFC 3986 says it means the same. */
    private static String percentEncode(String path, int n, boolean upper) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < path.length(); i++) {
            boolean insideEscape = i >= 1 && path.charAt(i - 1) == '%' || i >= 2 && path.charAt(i - 2) == '%';
            if (UNRESERVED.indexOf(path.charAt(i)) >= 0 && !insideEscape) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return path;
        }
        int at = candidates.get(n % candidates.size());
        String hex = String.format("%%%02X", (int) path.charAt(at));
        return path.substring(0, at) + (upper ? hex : hex.toLowerCase(Locale.ROOT)) + path.substring(at + 1);
    }

    private static String replaceSlash(String path, int index, String replacement) {
        int count = 0;
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/' && ++count == index) {
                return path.substring(0, i) + replacement + path.substring(i + 1);
            }
        }
        return path;
    }

    // --- query parameters and headers of reads -----------------------------------------------------------

    /** A GET of any route with generated path values, query parameters and headers. */
    Arbitrary<RawHttp.Request> read() {
        Arbitrary<String> target = Combinators.combine(route().filter(r -> r.method().equals("GET")), pathValue(), query())
                .as((route, value, query) -> {
                    // a series key: of /api/v1/data/{measure}/{key} and of the SDMX data and availability routes
                    String path = route.path().replace("/" + area + ".M.TOTAL", "/" + value)
                            .replace("/codelists/SEX", "/codelists/" + value).replace("/indicators/PI09", "/indicators/" + value)
                            .replace("/measures/" + MEASURE, "/measures/" + value);
                    return query.isEmpty() ? path : path + "?" + query;
                });
        return Combinators.combine(target, headers()).as((t, headers) -> {
            RawHttp.Request request = RawHttp.Request.of("GET", t);
            for (Tuple.Tuple2<String, String> header : headers) {
                request = request.header(header.get1(), header.get2());
            }
            return request;
        });
    }

    private Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("SEX", "AGE", "PI09", MEASURE, area + ".M.TOTAL", area + "..TOTAL", ".....",
                        area + ".M.TOTAL.X.Y.Z", "*", "%2A", "all", "latest")),
                Tuple.of(3, text().map(RequestGenerators::encode)),
                Tuple.of(1, Arbitraries.of("%00", "%ff", "%C3%28", "%E0%80%AF", "..%2F..", "%25", "%", "%zz", "a%2Fb")));
    }

    private Arbitrary<String> query() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("area", "startPeriod", "endPeriod", "lastNObservations", "updatedAfter", "asOf",
                        "includeHistory", "measure", "period", "SEX", "AGE", "SUBSTANCE", "page", "size", "status", "from",
                        "to", "reporter", "format", "dimensionAtObservation", "detail", "firstNObservations",
                        "references", "attributes", "measures", "c[SEX]", "c[TIME_PERIOD]", "c[X]", "c")),
                Tuple.of(1, text().map(RequestGenerators::encode)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(area, area + ",MT", ",,", "2016", "2016-Q1", "2016-03", "2016-W05", "2016-02-30",
                        "0000", "9999", "99999999999", "-1", "0", "1", "2147483648", "1e3", "NaN", "true", "false", "maybe",
                        "2026-01-01T00:00:00Z", "yesterday", MEASURE, "M", "TOTAL", "", "1900", "2100", "ge:2016+le:2018",
                        "ne:2016", "M,F", "serieskeysonly", "nodata", "referencepartial", "children", "AllDimensions",
                        "SEX", "none", "structurespecificdata", "csvfile", "sdmx-json", "sdmx-ml")),
                Tuple.of(2, text().map(RequestGenerators::encode)),
                Tuple.of(1, Arbitraries.of("%00", "%ff", "%C3%28", "a%26b%3Dc", "%", "%%", "+", "[]", "{}")));
        Arbitrary<String> pair = Combinators.combine(name, value, Arbitraries.of(true, true, true, false))
                .as((n, v, withValue) -> withValue ? n + "=" + v : n);
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    private Arbitrary<List<Tuple.Tuple2<String, String>>> headers() {
        Arbitrary<Tuple.Tuple2<String, String>> header = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("application/json", "text/csv", "application/vnd.sdmx.data+json;version=2.0.0",
                        "application/vnd.sdmx.data+csv;version=2.0.0", "application/vnd.sdmx.data+csv", "application/xml",
                        "*/*", "text/*;q=0.5, application/json;q=0.1", "application/json;q=0", "text/event-stream", "",
                        "garbage", "application/json;version=\"", "*/*;q=abc", "application/vnd.sdmx.structure+xml;version=2.1",
                        "application/vnd.sdmx.structure+json;version=1.0.0", "application/vnd.sdmx.genericdata+xml;version=2.1",
                        "application/vnd.sdmx.structurespecifictimeseriesdata+xml;version=2.1",
                        "application/vnd.sdmx.data+csv;version=2.0.0;labels=both;timeFormat=normalized;keys=series",
                        "application/vnd.sdmx.data+csv;version=2.0.0;labels=x", "text/xml").map(v -> Tuple.of("Accept", v))),
                Tuple.of(1, Arbitraries.of("\"x\"", "*", "W/\"1\"", "\"", "\"" + "a".repeat(5000) + "\"").map(v -> Tuple.of("If-None-Match", v))),
                Tuple.of(1, Arbitraries.of("Mon, 01 Jan 1900 00:00:00 GMT", "yesterday", "").map(v -> Tuple.of("If-Modified-Since", v))),
                Tuple.of(1, Arbitraries.of("abc", "a".repeat(500), "../x", "a b", "\"quoted\"").map(v -> Tuple.of("X-Request-Id", v))),
                Tuple.of(1, Arbitraries.of("gzip", "br", "x-evil", "identity", "").map(v -> Tuple.of("Accept-Encoding", v))),
                Tuple.of(1, Arbitraries.of("for=1.2.3.4", "for=\"[::1]\";proto=https;host=evil.example", "garbage")
                        .map(v -> Tuple.of("Forwarded", v))),
                Tuple.of(1, Arbitraries.of("1.2.3.4", "1.2.3.4, 5.6.7.8", "not-an-address").map(v -> Tuple.of("X-Forwarded-For", v))),
                Tuple.of(1, Arbitraries.of("evil.example", "evil.example:1", "").map(v -> Tuple.of("X-Forwarded-Host", v))),
                Tuple.of(1, Arbitraries.of("bytes=0-10", "bytes=-1", "bytes=a-b").map(v -> Tuple.of("Range", v))),
                Tuple.of(2, Arbitraries.of("Bearer abc.def.ghi", "Bearer ", "Bearer " + "a".repeat(9000), "Basic YTpi",
                        "bearer x", "Negotiate x").map(v -> Tuple.of("Authorization", v))));
        return header.list().ofMaxSize(4);
    }

    /** Text as people and tools put it in URLs: words, other scripts, control characters, long runs. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("._-~,;:'\"()*+=&?#[]").ofMaxLength(20)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().withChars("é中😀\u202E\uFEFF").ofMaxLength(6)),
                Tuple.of(1, Arbitraries.integers().between(100, 10_000).map("x"::repeat)));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
