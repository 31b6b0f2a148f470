package eu.drugsplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.e2e.GeneratedSubmission.Format;
import eu.drugsplan.e2e.GeneratedSubmission.Row;
import eu.drugsplan.e2e.RequestGenerators.Route;
import eu.drugsplan.e2e.RequestGenerators.Spelling;
import eu.drugsplan.testsupport.SdmxRoutes;
import eu.drugsplan.testsupport.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based tests through the gateway (issue 14, "generators, not only lists"): generated JSON documents,
 * CSV cells and whole files, SDMX-CSV rows, paths, query parameters and headers, sent to the four packaged
 * services (the suite shared by every e2e class, see {@link SharedSuite}), holding these invariants:
 * <ul>
 *   <li>never a 5xx, for any generated request;</li>
 *   <li>what is accepted is stored exactly once and reads back equal (value, status, comment);</li>
 *   <li>what is refused leaves nothing behind (no series, no data, no coverage cell);</li>
 *   <li>an access decision on any spelling of a path equals the decision on its canonical form, or is a 400;</li>
 *   <li>no silent last-wins, no misread semicolon CSV, a delete written as SDMX-CSV writes it deletes, and a token
 *       whose claims have the wrong types is a 401.</li>
 * </ul>
 * Every property has a fixed seed and a bounded number of tries, so the run is the same each time and all of
 * them together take about a minute and a half once the suite is up. jqwik prints a failure's sample, its shrunk
 * sample and its {@code seed = ...}; replay with
 * {@code deploy/local/test.sh -pl e2e-tests -am -Dtest=GeneratedRequestsThroughGatewayTest -Dgenerated.seed=<seed>}
 * (and {@code -Dgenerated.tries=500} to search longer, see {@link SeedFromSystemProperty}).
 * <p>
 * Each property submits as its own reporter, for its own area, which no other e2e test uses, so that "nothing
 * behind" can be checked exactly: HR (any submission), LV (accepted rows), LT (refused rows), NO (paths and
 * reads; it never stores anything), PT (duplicated keys), RO (deletes), FI (semicolon CSV), TR (odd tokens).
 * The databases outlive one run (deploy/local/test.sh recreates them), so reads compare with what this run sent
 * (by submission id), never with an empty store, except for LT, where nothing may ever be stored.
 */
@AddLifecycleHook(SeedFromSystemProperty.class)
class GeneratedRequestsThroughGatewayTest {

    private static final String SEED = "20261201";
    /** Quarkus's default request-line limit (quarkus.http.limits.max-initial-line-length), less the method. */
    private static final int MAX_INITIAL_LINE = 4096 - "GET  HTTP/1.1".length();
    private static final String SUBMISSIONS = "/api/v1/submissions";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration STORED_WITHIN = Duration.ofSeconds(15);

    private static Suite suite;
    private static RawHttp http;
    private static GeneratedCatalogue catalogue;
    private static SubmissionGenerators submissions;
    private static RequestGenerators requests;

    /** jqwik runs no Jupiter extension: the class takes the shared suite from its holder, which also stops it. */
    @BeforeContainer
    static void useTheSharedSuite() throws Exception {
        suite = SharedSuite.get();
        URI gateway = URI.create(suite.gatewayUrl());
        http = new RawHttp(gateway.getHost(), gateway.getPort());
        catalogue = GeneratedCatalogue.read(http);
        submissions = new SubmissionGenerators(catalogue);
        requests = new RequestGenerators(documentRoutes(), "NO");
    }

    // ---------------------------------------------------------------------------------------------------------
    // never a 5xx
    // ---------------------------------------------------------------------------------------------------------

    @Property(seed = SEED, tries = 60, shrinking = ShrinkingMode.BOUNDED)
    void any_generated_submission_is_answered_below_500_and_every_refusal_is_a_problem(
            @ForAll("anySubmissionRequest") RawHttp.Request request) throws IOException {
        RawHttp.Answer answer = send(request);

        assertBelow500(request, answer);
    }

    @Property(seed = SEED, tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void any_generated_read_is_answered_below_500_and_every_refusal_is_a_problem(
            @ForAll("anyRead") RawHttp.Request request) throws IOException {
        RawHttp.Answer answer = send(request);

        assertBelow500(request, answer);
    }

    // ---------------------------------------------------------------------------------------------------------
    // accepted: stored once, read back equal
    // ---------------------------------------------------------------------------------------------------------

    @Property(seed = SEED, tries = 20, shrinking = ShrinkingMode.BOUNDED)
    void every_valid_row_is_accepted_stored_exactly_once_and_reads_back_equal(
            @ForAll("validSubmissionOfLatvia") GeneratedSubmission submission) throws Exception {
        JsonNode summary = submitted("LV", submission.contentType(), submission.body());

        assertThat(summary.path("accepted").asInt()).as("%s", summary).isEqualTo(submission.rows().size());
        assertThat(summary.path("rejected").asInt()).as("%s", summary).isZero();
        assertStoredOnceAndEqual("LV", submission.rows(), summary.get("id").asText());
    }

    // ---------------------------------------------------------------------------------------------------------
    // refused: nothing behind
    // ---------------------------------------------------------------------------------------------------------

    @Property(seed = SEED, tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void a_row_the_rules_refuse_is_rejected_without_a_5xx_and_leaves_nothing_behind(
            @ForAll("rejectedSubmissionOfLithuania") GeneratedSubmission submission) throws IOException {
        RawHttp.Request request = post("LT", submission.contentType(), submission.body());
        RawHttp.Answer answer = send(request);

        assertBelow500(request, answer);
        if (answer.status() == 201) {
            JsonNode summary = MAPPER.readTree(answer.body());
            assertThat(summary.path("accepted").asInt()).as("accepted of %s", summary).isZero();
            assertThat(summary.path("rejected").asInt()).as("rejected of %s", summary).isEqualTo(submission.rows().size());
        } else {
            assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
        }
        assertNothingStoredFor("LT", submission.rows());
    }

    // ---------------------------------------------------------------------------------------------------------
    // one access decision per route, however the path is spelled
    // ---------------------------------------------------------------------------------------------------------

    @Property(seed = SEED, tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void an_access_decision_on_any_spelling_of_a_path_equals_that_of_its_canonical_form_or_is_a_400(
            @ForAll("routes") Route route, @ForAll("methods") String method, @ForAll("accessTokens") String token,
            @ForAll("accessBodies") Body body, @ForAll("spellings") List<Spelling> spellings) throws IOException {
        String spelled = RequestGenerators.spell(route.path(), spellings);
        String query = route.query().isEmpty() ? "" : "?" + route.query();
        String verb = method.equals("ROUTE") ? route.method() : method;
        RawHttp.Request canonical = accessRequest(verb, route.path() + query, token, body.bytes());
        RawHttp.Request other = accessRequest(verb, spelled + query, token, body.bytes());

        Decision expected = Decision.of(headOf(canonical).status());
        RawHttp.Answer answer = headOf(other);

        assertThat(answer.status()).as("%s answered %s", other, answer).isLessThan(500);
        assertThat(Decision.of(answer.status())).as("%s answered %s, its canonical form %s %s", other, answer.status(),
                canonical.target(), expected).isIn(expected, Decision.REFUSED);
    }

    // ---------------------------------------------------------------------------------------------------------
    // no silent last-wins, no misread values, deletes as SDMX writes them
    // ---------------------------------------------------------------------------------------------------------

    @Property(seed = SEED, tries = 12, shrinking = ShrinkingMode.BOUNDED)
    void a_second_row_for_the_same_observation_never_silently_wins(
            @ForAll("sameObservationTwice") Tuple.Tuple2<Row, Row> rows, @ForAll("formats") Format format,
            @ForAll long layout) throws Exception {
        Row first = rows.get1();
        Row second = rows.get2();
        GeneratedSubmission submission = new GeneratedSubmission(format, List.of(first, second), layout);
        JsonNode summary = submitted("PT", submission.contentType(), submission.body());

        if (second.value().equals(first.value())) {
            assertThat(summary.path("rejected").asInt()).as("the same row twice: %s", summary).isZero();
        } else {
            assertThat(summary.path("accepted").asInt()).as("%s", summary).isEqualTo(1);
            assertThat(codes(summary)).as("%s", summary).contains("DUPLICATE_KEY");
        }
        assertStoredOnceAndEqual("PT", List.of(first), summary.get("id").asText());
    }

    @Property(seed = SEED, tries = 12, shrinking = ShrinkingMode.BOUNDED)
    void a_semicolon_csv_with_decimal_commas_is_read_as_it_declares_or_refused_whole(
            @ForAll("decimalRowsOfFinland") List<Row> rows, @ForAll("excelPreambles") String preamble,
            @ForAll("csvTypes") String contentType, @ForAll long layout) throws Exception {
        String csv = preamble + new GeneratedSubmission(Format.CSV, rows, layout).semicolonCsvWithDecimalCommas();
        RawHttp.Request request = post("FI", contentType, csv.getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer answer = send(request);

        assertBelow500(request, answer);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as("%s", answer).startsWith("application/problem+json");
            return;
        }
        JsonNode summary = MAPPER.readTree(answer.body());
        assertThat(summary.path("accepted").asInt()).as("read as declared, every row counts: %s", summary).isEqualTo(rows.size());
        assertStoredOnceAndEqual("FI", rows, summary.get("id").asText());
    }

    @Property(seed = SEED, tries = 8, shrinking = ShrinkingMode.BOUNDED)
    void a_delete_written_as_sdmx_csv_writes_it_removes_what_was_stored(
            @ForAll("validRowOfRomania") Row stored, @ForAll("deleteValues") String deleteValue,
            @ForAll("deleteActions") String action, @ForAll("deleteFormats") Format format, @ForAll long layout) throws Exception {
        JsonNode first = submitted("RO", JSON, new GeneratedSubmission(Format.JSON, List.of(stored), layout).body());
        assertStoredOnceAndEqual("RO", List.of(stored), first.get("id").asText());

        Row delete = stored.withAction(action).withValue(deleteValue, false).withStatus(null).withComment(null);
        JsonNode summary = submitted("RO", new GeneratedSubmission(format, List.of(delete), layout).contentType(),
                new GeneratedSubmission(format, List.of(delete), layout).body());

        assertThat(summary.path("deleted").asInt()).as("%s", summary).isEqualTo(1);
        awaitStored("RO", summary.get("id").asText());
        assertThat(observations(stored)).as("after the delete").isEmpty();
    }

    @Property(seed = SEED, tries = 24, shrinking = ShrinkingMode.BOUNDED)
    void a_token_whose_claims_have_the_wrong_types_or_times_is_a_401_on_every_route(
            @ForAll("oddClaims") String claims, @ForAll("claimRoutes") Route route) throws IOException {
        RawHttp.Request request = accessRequest(route.method(), route.target(), OddTokens.signed(claims),
                route.method().equals("POST") ? "{\"observations\": []}".getBytes(StandardCharsets.UTF_8) : null);
        RawHttp.Answer answer = send(request);

        assertThat(answer.status()).as("%s answered %s", claims, answer).isEqualTo(401);
        assertThat(answer.contentType()).as("%s", answer).startsWith("application/problem+json");
    }

    // ---------------------------------------------------------------------------------------------------------
    // generators
    // ---------------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<GeneratedSubmission> validSubmissionOfLatvia() {
        return submissions.validSubmission("LV", 6);
    }

    @Provide
    Arbitrary<GeneratedSubmission> rejectedSubmissionOfLithuania() {
        return submissions.rejectedSubmission("LT");
    }

    @Provide
    Arbitrary<Row> validRowOfPortugal() {
        return submissions.validRow("PT");
    }

    @Provide
    Arbitrary<Row> validRowOfRomania() {
        return submissions.validRow("RO");
    }

    /**
     * A valid row of Portugal's and a second row for the same observation (its dimensions in another order):
     * the same row again, or another value its unit allows (never the same number written otherwise).
     */
    @Provide
    Arbitrary<Tuple.Tuple2<Row, Row>> sameObservationTwice() {
        return submissions.validRow("PT").flatMap(first -> {
            String unitKind = catalogue.measures().stream().filter(m -> m.code().equals(first.measure())).findFirst()
                    .orElseThrow().unitKind();
            Arbitrary<String> other = SubmissionGenerators.value(unitKind)
                    .filter(v -> new BigDecimal(v).compareTo(new BigDecimal(first.value())) != 0);
            Arbitrary<String> second = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(first.value())), Tuple.of(3, other));
            return second.map(v -> Tuple.of(first, first.withValue(v, false).withDimensions(reversed(first.dimensions()))));
        });
    }

    @Provide
    Arbitrary<Format> formats() {
        return Arbitraries.of(Format.values());
    }

    /** Rows of non-count measures with decimals, which a decimal comma can change. */
    @Provide
    Arbitrary<List<Row>> decimalRowsOfFinland() {
        Arbitrary<GeneratedCatalogue.Measure> decimal = Arbitraries.of(catalogue.measures().stream()
                .filter(m -> !m.unitKind().equals("COUNT") && !m.unitKind().equals("BINARY")).toList());
        return decimal.flatMap(m -> submissions.validRow("FI", m)).map(r -> r.withComment(r.comment() == null ? null
                        : r.comment().replace(";", ",").replace("\"", "'").replace("\n", " ").replace("\r", " ")))
                .list().ofMinSize(1).ofMaxSize(4).uniqueElements(Row::key);
    }

    /** What precedes the header in files Excel and people write: nothing, Excel's separator line, a BOM. */
    @Provide
    Arbitrary<String> excelPreambles() {
        return Arbitraries.of("", "sep=;\n", "sep=;\r\n", "\uFEFF", "\uFEFFsep=;\r\n");
    }

    @Provide
    Arbitrary<String> csvTypes() {
        return Arbitraries.of("text/csv", "text/csv;charset=utf-8", "text/csv; header=present", "text/csv; decimal=\",\"",
                "text/csv;decimal=,", "text/csv; charset=utf-8; decimal=\",\"");
    }

    @Provide
    Arbitrary<String> deleteValues() {
        return Arbitraries.of("-", "");
    }

    @Provide
    Arbitrary<String> deleteActions() {
        return Arbitraries.of("D", "d", "DELETE");
    }

    @Provide
    Arbitrary<Format> deleteFormats() {
        return Arbitraries.of(Format.SDMX_CSV, Format.CSV);
    }

    @Provide
    Arbitrary<Route> routes() {
        return requests.route();
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("ROUTE", "ROUTE", "GET", "POST", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<String> accessTokens() {
        return Arbitraries.of("none", "reader", "submitter", "broken");
    }

    /** A request body, shown by its name in jqwik's report rather than byte by byte. */
    record Body(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Body> accessBodies() {
        return Arbitraries.of(new Body("no body", null),
                new Body("an empty submission", "{\"observations\": []}".getBytes(StandardCharsets.UTF_8)),
                new Body("100,000 zero bytes, over the 64 KiB limit of read routes", new byte[100_000]));
    }

    @Provide
    Arbitrary<List<Spelling>> spellings() {
        return requests.spellings();
    }

    @Provide
    Arbitrary<RawHttp.Request> anyRead() {
        return requests.read();
    }

    @Provide
    Arbitrary<Route> claimRoutes() {
        return Arbitraries.of(new Route("POST", SUBMISSIONS, "dryRun=true"), new Route("GET", SUBMISSIONS, ""),
                new Route("GET", "/api/v1/measures", ""), new Route("GET", "/api/v1/trends/" + RequestGenerators.MEASURE, "area=TR"));
    }

    /** Claims with the wrong types (the reporter an array, a number, an object) or times (issued in the future). */
    @Provide
    Arbitrary<String> oddClaims() {
        long year = 365L * 24 * 3600;
        return Arbitraries.of(
                OddTokens.claims("TR", "reporter", "[\"TR\"]", 0, 3600),
                OddTokens.claims("TR", "reporter", "[\"TR\", \"MT\"]", 0, 3600),
                OddTokens.claims("TR", "reporter", "42", 0, 3600),
                OddTokens.claims("TR", "reporter", "{\"code\": \"TR\"}", 0, 3600),
                OddTokens.claims("TR", "reporter", "true", 0, 3600),
                OddTokens.claims("TR", "groups", "{\"submitter\": true}", 0, 3600),
                OddTokens.claims("TR", "groups", "[[\"submitter\"]]", 0, 3600),
                OddTokens.claims("TR", null, null, 10 * year, 20 * year),
                OddTokens.claims("TR", null, null, 3600, 7200));
    }

    /** Any submission of Croatia's, valid or hostile, in any format, under any content type and headers. */
    @Provide
    Arbitrary<RawHttp.Request> anySubmissionRequest() {
        Arbitrary<GeneratedSubmission> document = Arbitraries.oneOf(submissions.validSubmission("HR", 5),
                submissions.rejectedSubmission("HR"), submissions.validSubmission("CY", 2));
        Arbitrary<String> variant = Arbitraries.of("as is", "as is", "semicolons", "bom", "cut", "empty");
        Arbitrary<String> query = Arbitraries.of("", "?dryRun=true", "?dryRun=true", "?dryRun=false", "?dryRun=TRUE", "?dryRun=1",
                "?dryRun=true&dryRun=false", "?dryRun=", "?unknown=%00");
        Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("HR")), Tuple.of(1, oddClaims()));
        return document.flatMap(d -> Combinators.combine(variant, Arbitraries.integers().between(0, 10_000), contentTypeVariants(),
                query, token, submissionHeaders(), Arbitraries.of(true, false, false)).as((v, cut, type, q, t, headers, gzip) -> {
                    byte[] body = bodyVariant(d, v, cut);
                    String bearer = t.equals("HR") ? Tokens.forReporter("HR", "submitter") : OddTokens.signed(t);
                    RawHttp.Request request = RawHttp.Request.of("POST", SUBMISSIONS + q).bearer(bearer);
                    for (Tuple.Tuple2<String, String> header : headers) {
                        request = request.header(header.get1(), header.get2());
                    }
                    String contentType = type.replace("$", d.contentType());
                    return gzip ? request.header("Content-Encoding", "gzip").body(contentType, gzip(body)) : request.body(contentType, body);
                }));
    }

    private static byte[] bodyVariant(GeneratedSubmission document, String variant, int cut) {
        byte[] bytes = document.body();
        return switch (variant) {
            case "semicolons" -> document.semicolonCsvWithDecimalCommas().getBytes(StandardCharsets.UTF_8);
            case "bom" -> concat("\uFEFF".getBytes(StandardCharsets.UTF_8), bytes);
            case "cut" -> java.util.Arrays.copyOf(bytes, Math.min(bytes.length, cut % (bytes.length + 1)));
            case "empty" -> new byte[0];
            default -> bytes;
        };
    }

    private static Arbitrary<String> contentTypeVariants() {
        return Arbitraries.of("$", "$", "$", "$; charset=utf-8", "$;charset=UTF-8", "$; charset=ISO-8859-1", "$; charset=x-evil",
                "application/json", "text/csv", "application/vnd.sdmx.data+csv", "application/vnd.sdmx.data+csv;version=2.1",
                "TEXT/CSV", "Application/JSON", "text/csv; header=absent", "multipart/form-data; boundary=x", "application/json;;",
                "", "*/*", "text/plain");
    }

    private static Arbitrary<List<Tuple.Tuple2<String, String>>> submissionHeaders() {
        Arbitrary<Tuple.Tuple2<String, String>> header = Arbitraries.frequencyOf(
                Tuple.of(3, RequestGenerators.text().filter(t -> t.chars().noneMatch(c -> c < 0x20 || c == 0x7F))
                        .map(t -> Tuple.of("Idempotency-Key", t))),
                Tuple.of(1, Arbitraries.of("respond-async", "return=minimal", "respond-async, wait=1", "garbage")
                        .map(v -> Tuple.of("Prefer", v))),
                Tuple.of(1, Arbitraries.of("x-evil", "identity", "gzip, gzip", "br", "deflate").map(v -> Tuple.of("Content-Encoding", v))),
                Tuple.of(1, Arbitraries.of("abc", "a".repeat(300), "../../x").map(v -> Tuple.of("X-Request-Id", v))),
                Tuple.of(1, Arbitraries.of("text/csv", "application/problem+json", "garbage").map(v -> Tuple.of("Accept", v))));
        return header.list().ofMaxSize(3);
    }

    // ---------------------------------------------------------------------------------------------------------
    // sending and checking
    // ---------------------------------------------------------------------------------------------------------

    private enum Decision {
        UNAUTHENTICATED, FORBIDDEN, LENGTH_REQUIRED, TOO_LARGE, REFUSED, PASSED;

        static Decision of(int status) {
            return switch (status) {
                case 400 -> REFUSED;
                case 401 -> UNAUTHENTICATED;
                case 403 -> FORBIDDEN;
                case 411 -> LENGTH_REQUIRED;
                case 413 -> TOO_LARGE;
                default -> PASSED;
            };
        }
    }

    private static RawHttp.Request accessRequest(String method, String target, String token, byte[] body) {
        String bearer = switch (token) {
            case "none" -> null;
            case "reader" -> Tokens.forReporter("NO", "reader");
            case "submitter" -> Tokens.forReporter("NO", "submitter");
            case "broken" -> Tokens.expired("NO", "submitter");
            default -> token;
        };
        RawHttp.Request request = RawHttp.Request.of(method, target).bearer(bearer);
        return body == null ? request : request.body(JSON, body);
    }

    /** Only the head: the trend stream never ends, and the decision is in the status line. */
    private static RawHttp.Answer headOf(RawHttp.Request request) throws IOException {
        RawHttp.Answer answer = http.head(request);
        for (int retry = 0; answer.status() == 429 && retry < 3; retry++) {
            pause(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After").orElse("1"))));
            answer = http.head(request);
        }
        return answer;
    }

    private static RawHttp.Answer send(RawHttp.Request request) throws IOException {
        RawHttp.Answer answer = http.send(request);
        for (int retry = 0; answer.status() == 429 && retry < 3; retry++) {
            pause(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After").orElse("1"))));
            answer = http.send(request);
        }
        return answer;
    }

    private static RawHttp.Request post(String reporter, String contentType, byte[] body) {
        return RawHttp.Request.of("POST", SUBMISSIONS).bearer(Tokens.forReporter(reporter, "submitter")).body(contentType, body);
    }

    /** The import summary of a submission that must be taken (201). */
    private static JsonNode submitted(String reporter, String contentType, byte[] body) throws IOException {
        RawHttp.Request request = post(reporter, contentType, body);
        RawHttp.Answer answer = send(request);
        assertThat(answer.status()).as("%s answered %s", request, answer).isEqualTo(201);
        return MAPPER.readTree(answer.body());
    }

    private static void assertBelow500(RawHttp.Request request, RawHttp.Answer answer) {
        assertThat(answer.status()).as("%s answered %s", request, answer).isLessThan(500);
        assertThat(answer.text()).as("no stack trace leaks from %s", request).doesNotContain("\tat ", ".java:", "Exception");
        if (answer.status() >= 400 && answer.status() != 406 && !refusedByQuarkusBeforeAnyRoute(request, answer)) {
            if (SdmxRoutes.isSdmx(request.target()) && !answer.contentType().startsWith("application/problem+json")) {
                // an SDMX route refuses with an SDMX error message; the gateway's own refusals there stay problems
                assertThat(SdmxRoutes.isSdmxError(answer.contentType(), answer.text()))
                        .as("%s answered %s: an SDMX error message", request, answer).isTrue();
                return;
            }
            assertThat(answer.contentType()).as("%s answered %s", request, answer).startsWith("application/problem+json");
        }
    }

    /**
     * Quarkus's root handler answers a target java.net.URI cannot parse (a broken '%', a raw '|') with an empty
     * 400 before the router, so before any gateway check (docs/security.md): the one refusal that is no problem
     * document; and Netty's empty 414 for a request line over Quarkus's limit. Allowed only for such targets,
     * and only as exactly those answers.
     */
    private static boolean refusedByQuarkusBeforeAnyRoute(RawHttp.Request request, RawHttp.Answer answer) {
        if (answer.status() == 414 && answer.body().length == 0 && request.target().length() > MAX_INITIAL_LINE) {
            return true; // Netty's decoder, before Quarkus: quarkus.http.limits.max-initial-line-length
        }
        try {
            new URI(request.target());
            return false;
        } catch (java.net.URISyntaxException e) {
            return answer.status() == 400 && answer.body().length == 0;
        }
    }

    private static List<String> codes(JsonNode summary) {
        List<String> codes = new ArrayList<>();
        summary.path("conflicts").forEach(c -> codes.add(c.path("code").asText()));
        return codes;
    }

    /**
     * Every row is, once the store has applied the submission (its status resource says {@code stored: DONE}),
     * exactly one current observation of its series (one series per measure, area and dimensions), with the
     * value, status and comment sent.
     */
    private static void assertStoredOnceAndEqual(String reporter, List<Row> rows, String submissionId) throws Exception {
        awaitStored(reporter, submissionId);
        for (Row row : rows) {
            List<JsonNode> found = observations(row);
            assertThat(found).as("observations of %s (submission %s)", row, submissionId).hasSize(1);
            JsonNode observation = found.get(0);
            assertThat(observation.path("value").decimalValue()).as("value of %s: %s", row, observation)
                    .isEqualByComparingTo(new BigDecimal(row.value()));
            assertThat(observation.path("status").asText()).as("status of %s", row).isEqualTo(row.status() == null ? "A" : row.status());
            assertThat(observation.path("comment").isMissingNode() ? null : observation.path("comment").asText())
                    .as("comment of %s: %s", row, observation).isEqualTo(row.comment());
        }
    }

    /**
     * Releases the submission (only released data is stored, issue 16), then waits until its timeline says the
     * store applied it; fails when it says anything else.
     */
    private static void awaitStored(String reporter, String submissionId) throws Exception {
        Review.release(suite.gatewayUrl(), submissionId);
        Instant deadline = Instant.now().plus(STORED_WITHIN);
        String state = "PENDING";
        JsonNode status = null;
        while (state.equals("PENDING") && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(100));
            RawHttp.Request request = RawHttp.Request.of("GET", SUBMISSIONS + "/" + submissionId)
                    .bearer(Tokens.forReporter(reporter, "submitter"));
            status = MAPPER.readTree(send(request).body());
            for (JsonNode step : status.path("timeline")) {
                if (step.path("name").asText().equals("stored")) {
                    state = step.path("state").asText();
                }
            }
        }
        assertThat(state).as("the store's step of submission %s: %s", submissionId, status).isEqualTo("DONE");
    }

    private static List<JsonNode> observations(Row row) throws IOException {
        JsonNode data = read("/api/v1/data/" + row.measure() + "?area=" + row.area());
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode series : data.path("series")) {
            if (row.area().equals(series.path("area").asText()) && row.dimensions().equals(stringMap(series.path("dimensions")))) {
                series.path("observations").forEach(o -> {
                    if (row.period().equals(o.path("period").asText()) && !o.path("deleted").asBoolean(false)) {
                        found.add(o);
                    }
                });
            }
        }
        return found;
    }

    /** No series, no observation and no coverage cell of the area in any measure the rows name. */
    private static void assertNothingStoredFor(String area, List<Row> rows) throws IOException {
        Set<String> measures = new LinkedHashSet<>();
        rows.stream().map(Row::measure).filter(catalogue.measureCodes()::contains).forEach(measures::add);
        measures.add(catalogue.measures().get(0).code());
        for (String measure : measures) {
            assertThat(read("/api/v1/data/" + measure + "?area=" + area).path("series")).as("series of %s in %s", area, measure).isEmpty();
            int reported = 0;
            for (JsonNode row : read("/api/v1/coverage?measure=" + measure).path("areas")) {
                if (area.equals(row.path("area").asText())) {
                    reported = row.path("reported").asInt();
                }
            }
            assertThat(reported).as("coverage of %s in %s", area, measure).isZero();
        }
    }

    private static JsonNode read(String target) throws IOException {
        RawHttp.Request request = RawHttp.Request.of("GET", target).header("Accept", JSON);
        RawHttp.Answer answer = send(request);
        assertThat(answer.status()).as("%s answered %s", request, answer).isEqualTo(200);
        return MAPPER.readTree(answer.body());
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }

    private static Map<String, String> reversed(Map<String, String> dimensions) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(dimensions.entrySet());
        java.util.Collections.reverse(entries);
        Map<String, String> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        return reversed;
    }

    /** The public routes of the gateway's merged OpenAPI document, as method and path template. */
    private static List<String[]> documentRoutes() throws IOException {
        JsonNode document = read("/api/v1/openapi");
        List<String[]> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                if (path.getValue().has(method)) {
                    routes.add(new String[] {method.toUpperCase(), path.getKey()});
                }
            }
        }
        assertThat(routes).as("routes of the OpenAPI document").hasSizeGreaterThan(10);
        return routes;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
