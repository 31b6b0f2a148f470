package eu.drugsplan.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The suite with a real OpenID Connect provider in the loop: the Keycloak that deploy/local/test.sh starts with the
 * realm of deploy/local/keycloak (its KEYCLOAK_URL, KEYCLOAK_PID_FILE). The gateway and submissions-service verify
 * its tokens from its JWKS. An agency system takes a token as {@code curl} would (client-credentials grant, form
 * post, Basic client authentication) and submits; a rotated realm key keeps working without a restart; and with the
 * provider stopped the tokens it issued before still verify from the cached keys. The methods run in order: the
 * last one stops the provider. The class runs a suite of its own (Suite.startWithEnvironment, on the
 * e2e_identity_* databases), since the shared suite verifies the test keys of test-support with another issuer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderThroughGatewayTest {

    private static final String REALM = "drugsplan";
    /** Development-only credentials of the realm file (deploy/local/keycloak/drugsplan-realm-dev.json). */
    private static final String AGENCY_CLIENT = "at-nfp-system";
    private static final String AGENCY_SECRET = "dev-only-at-nfp-system-secret";
    private static final String OTHER_AGENCY_CLIENT = "euda-system";
    private static final String OTHER_AGENCY_SECRET = "dev-only-euda-system-secret";
    private static final String DASHBOARD_CLIENT = "drugsplan-dashboard";
    private static final String FOCAL_POINT = "at-focal-point";
    private static final String FOCAL_POINT_PASSWORD = "dev-only-at-focal-point";
    private static final String REVIEWER = "euda-reviewer";
    private static final String REVIEWER_PASSWORD = "dev-only-euda-reviewer";
    private static final String MEASURE = "PI09.DRUG_INDUCED_DEATHS";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String keycloak;
    private static Suite suite;
    /** A token issued before the key rotation, and one after it: the outage test uses both. */
    private static String tokenBeforeRotation;
    private static String tokenAfterRotation;

    @BeforeAll
    static void startSuiteAgainstTheProvider() throws Exception {
        keycloak = System.getenv("KEYCLOAK_URL");
        assertThat(keycloak).as("KEYCLOAK_URL: run the e2e tests through deploy/local/test.sh, which starts Keycloak")
                .isNotBlank();
        awaitProviderReady(System.getenv("KEYCLOAK_MANAGEMENT_URL"));
        String issuer = keycloak + "/realms/" + REALM;
        suite = Suite.startWithEnvironment(Map.of(
                "JWT_PUBLIC_KEY_LOCATION", issuer + "/protocol/openid-connect/certs",
                "JWT_ISSUER", issuer,
                // people sign in to this gateway's dashboard with the realm's public client; the discovery document
                // is kept for 2 s only, so that the outage below shows at once
                "SIGN_IN_ISSUER", issuer,
                "SIGN_IN_CLIENT_ID", DASHBOARD_CLIENT,
                "SIGN_IN_CACHE", "2s"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void an_agency_system_takes_a_token_with_client_credentials_and_submits() throws Exception {
        tokenBeforeRotation = clientCredentialsToken(AGENCY_CLIENT, AGENCY_SECRET);
        JsonNode claims = claims(tokenBeforeRotation);
        // what the realm's mappers put in, and what ClaimRules and the access rules read
        assertThat(claims.get("iss").asText()).isEqualTo(keycloak + "/realms/" + REALM);
        assertThat(claims.get("aud").asText()).isEqualTo("drugs-plan-monitoring");
        assertThat(claims.get("reporter").asText()).isEqualTo("AT");
        assertThat(claims.get("groups").toString()).isEqualTo("[\"submitter\"]");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);

        String id = submit(tokenBeforeRotation, "2015", 131);
        given().baseUri(suite.gatewayUrl()).auth().oauth2(tokenBeforeRotation)
                .get("/api/v1/submissions/" + id)
                .then().statusCode(200).body("reporter", equalTo("AT"));
        // official once EUDA (PI09's reviewing body) released it: the revision of the sign-in test is against it
        String reviewer = eudaReviewerToken();
        Review.release(suite.gatewayUrl(), List.of(id), body -> reviewer);

        // the provider really authenticates the client: a wrong secret gets no token
        assertThat(tokenResponse(AGENCY_CLIENT, "not-the-secret").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void a_rotated_realm_key_verifies_without_a_restart_and_the_old_key_still_does() throws Exception {
        String adminToken = adminToken();
        String realmId = adminGet(adminToken, "/admin/realms/" + REALM).get("id").asText();
        // a new generated RSA key above the realm's own (priority 100): Keycloak signs every new token with it
        String component = JSON.writeValueAsString(Map.of(
                "name", "rotated-" + Instant.now().getEpochSecond(),
                "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of("priority", new String[] {"1000"}, "enabled", new String[] {"true"},
                        "active", new String[] {"true"}, "algorithm", new String[] {"RS256"})));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/admin/realms/" + REALM + "/components"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        tokenAfterRotation = clientCredentialsToken(AGENCY_CLIENT, AGENCY_SECRET);
        assertThat(keyId(tokenAfterRotation)).as("the new token is signed with the new key")
                .isNotEqualTo(keyId(tokenBeforeRotation));

        // the gateway and submissions-service fetched the key set before the rotation; the new key id makes them
        // fetch it again (SmallRye's forced refresh), no restart
        submit(tokenAfterRotation, "2016", 127);
        given().baseUri(suite.gatewayUrl()).auth().oauth2(tokenBeforeRotation).get("/api/v1/submissions")
                .then().statusCode(200);
    }

    @Test
    @Order(3)
    void a_focal_point_signs_in_to_the_dashboard_in_chromium_with_pkce_and_sees_only_its_own_submissions()
            throws Exception {
        String gateway = suite.gatewayUrl();
        String adminToken = adminToken();
        allowDashboardAddress(adminToken, gateway);
        // the provider refuses a code request of the dashboard without PKCE S256, so the page cannot do without it
        assertThat(authorizationRedirect(gateway, Map.of())).as("no code_challenge")
                .contains("error=invalid_request").doesNotContain("code=");
        assertThat(authorizationRedirect(gateway, Map.of("code_challenge", "plain-challenge-of-43-characters-at-least-x",
                "code_challenge_method", "plain"))).as("plain PKCE").contains("error=invalid_request");

        // a revision of Austria's stored 2015 value draws a warning; an agency's submission is not Austria's
        String austria = clientCredentialsToken(AGENCY_CLIENT, AGENCY_SECRET);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().baseUri(gateway).queryParam("area", "AT").get("/api/v1/data/" + MEASURE)
                        .then().extract().jsonPath().getList("series.observations.period").toString().contains("2015"));
        // submissions-service compares with its copy of the official series, which hears of the stored period moments
        // after the data API shows it: a dry run says when it has
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                dryRun(austria, "2015", 140).contains("REVISION"));
        String revision = submit(austria, "2015", 140);
        given().baseUri(gateway).auth().oauth2(austria).get("/api/v1/submissions/" + revision)
                .then().statusCode(200).body("warnings.code", org.hamcrest.Matchers.hasItem("REVISION"));
        String agencys = given().baseUri(gateway).auth().oauth2(clientCredentialsToken(OTHER_AGENCY_CLIENT, OTHER_AGENCY_SECRET))
                .contentType(ContentType.JSON).body("""
                        {"observations": [{"measure": "%s", "area": "DE", "period": "2015", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 1010}]}"""
                        .formatted(MEASURE))
                .post("/api/v1/submissions").then().statusCode(201).body("reporter", equalTo("EUDA")).extract().path("id");

        String view = gateway + "/?indicator=PI09";
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            DashboardPage signedOut = DashboardPage.open(browser, view, Duration.ofSeconds(60));
            browser.waitFor(account("signed-out") + " && !document.getElementById('sign-in').hidden", Duration.ofSeconds(20));
            signedOut.screenshot("sign-in-signed-out");
            assertThat(signedOut.seriousAccessibilityViolations()).as("axe-core, signed out").isEmpty();

            // the page sends the browser to Keycloak's login form; the person types name and password there
            browser.evaluate("window.leftByTheTest = true; document.getElementById('sign-in').click(); true");
            browser.waitFor("location.origin === '" + keycloak + "' && document.getElementById('username') !== null",
                    Duration.ofSeconds(30));
            String authorization = browser.evaluate("location.href").asText();
            assertThat(authorization).contains("code_challenge_method=S256", "code_challenge=", "state=", "nonce=",
                    "client_id=" + DASHBOARD_CLIENT);
            logIn(browser);

            // back on the dashboard, in the view it left; the code and state are gone from the address bar
            browser.waitFor("location.origin === '" + gateway + "' && " + account("signed-in")
                    + " && document.getElementById('submissions').dataset.state === 'listed'", Duration.ofSeconds(60));
            DashboardPage signedIn = DashboardPage.current(browser);
            assertThat(browser.evaluate("location.href").asText()).isEqualTo(view);
            assertThat(signedIn.text("[data-claim='name']")).isEqualTo("Austrian focal point");
            assertThat(signedIn.text("[data-claim='reporter']")).isEqualTo("AT");
            assertThat(signedIn.text("[data-claim='roles']")).isEqualTo("submitter");
            assertThat(signedIn.text("#submissions-title")).isEqualTo("My submissions (AT)");
            // the token was accepted by the gateway and submissions-service: Austria's submissions only
            List<String> ids = strings(browser.evaluate("[...document.querySelectorAll('tr[data-submission]')]"
                    + ".map(r => r.dataset.submission)"));
            List<String> reporters = strings(browser.evaluate("[...document.querySelectorAll('tr[data-submission]')]"
                    + ".map(r => r.dataset.reporter)"));
            assertThat(ids).contains(revision).doesNotContain(agencys).hasSizeGreaterThanOrEqualTo(3);
            assertThat(reporters).containsOnly("AT");
            assertThat(signedIn.count("tr[data-submission='" + revision + "'] [data-warning='REVISION']")).isOne();
            // no token in any storage of the page (only what the page keeps in memory)
            String storage = browser.evaluate("JSON.stringify(Object.assign({}, localStorage)) + "
                    + "JSON.stringify(Object.assign({}, sessionStorage))").asText();
            assertThat(storage).doesNotContain("eyJ").doesNotContain("access_token");
            assertThat(browser.evaluate("localStorage.length").asInt()).isZero();
            signedIn.screenshot("sign-in-signed-in");
            assertThat(signedIn.seriousAccessibilityViolations()).as("axe-core, signed in").isEmpty();

            // an expired token is renewed with the refresh token at the provider, and the list still loads
            assertThat(browser.evaluate("(async () => { const before = signIn.session.accessToken; "
                    + "signIn.session.expiresAt = 0; await showSubmissions(); return before !== signIn.session.accessToken "
                    + "&& document.getElementById('submissions').dataset.state === 'listed'; })()").asBoolean())
                    .as("renewed").isTrue();

            // a reload loses the token in memory: the page asks the provider again, without a prompt
            browser.evaluate("window.leftByTheTest = true");
            browser.open(gateway + "/?measure=" + MEASURE);
            browser.waitFor("!window.leftByTheTest && location.origin === '" + gateway + "' && " + account("signed-in")
                    + " && document.getElementById('submissions').dataset.state === 'listed'", Duration.ofSeconds(60));
            assertThat(browser.evaluate("location.search").asText()).isEqualTo("?measure=" + MEASURE);

            // signing out ends the provider's session too: the next sign-in asks for the password again
            browser.evaluate("window.leftByTheTest = true; document.getElementById('sign-out').click(); true");
            browser.waitFor("!window.leftByTheTest && location.origin === '" + gateway + "' && " + account("signed-out"),
                    Duration.ofSeconds(30));
            assertThat(browser.evaluate("document.querySelectorAll('tr[data-submission]').length").asInt()).isZero();
            browser.evaluate("window.leftByTheTest = true; document.getElementById('sign-in').click(); true");
            browser.waitFor("location.origin === '" + keycloak + "' && document.getElementById('password') !== null",
                    Duration.ofSeconds(30));

            // EUDA's reviewer signs in: the review queue instead of a list, Austria's revision in it
            logIn(browser, REVIEWER, REVIEWER_PASSWORD);
            browser.waitFor("location.origin === '" + gateway + "' && " + account("signed-in")
                    + " && document.getElementById('submissions').dataset.state === 'listed'", Duration.ofSeconds(60));
            DashboardPage queue = DashboardPage.current(browser);
            assertThat(queue.evaluate("document.getElementById('submissions').dataset.view").asText())
                    .isEqualTo("review-queue");
            assertThat(queue.text("#submissions-title")).isEqualTo("Review queue (EUDA)");
            assertThat(queue.text("[data-claim='roles']")).contains("reviewer");
            assertThat(queue.count("tr[data-queue-item='" + revision + "']")).isOne();
            assertThat(queue.count("tr[data-queue-item='" + agencys + "']")).as("EUDA's own, by another person").isOne();

            // opened: the REVISION warning beside the official value, accepted with a note
            browser.evaluate("document.querySelector(\"button[data-open='" + revision + "']\").click(); true");
            browser.waitFor("document.getElementById('review-details').dataset.state === 'open' && "
                    + "document.getElementById('review-details').dataset.submission === '" + revision + "'",
                    Duration.ofSeconds(30));
            assertThat(queue.count("#review-details tr[data-warning='REVISION'] input[data-accept]")).isOne();
            assertThat(queue.text("#review-details tr[data-review-row$='|2015'] td:nth-child(5)")).isEqualTo("140");
            assertThat(queue.count("#review-details tr[data-draft-series]")).isOne();
            queue.screenshot("review-queue-opened");
            assertThat(queue.seriousAccessibilityViolations()).as("axe-core, review queue").isEmpty();
            browser.evaluate("document.querySelector('#review-details input[data-accept]').checked = true; "
                    + "document.getElementById('accept-note').value = 'confirmed by the focal point on the phone'; "
                    + "document.getElementById('accept-warnings').click(); true");
            browser.waitFor("document.getElementById('review-details').dataset.state === 'open' && "
                    + "document.querySelectorAll('#review-details input[data-accept]').length === 0", Duration.ofSeconds(30));
            assertThat(queue.text("#review-details tr[data-warning='REVISION'] td:nth-child(5)"))
                    .contains("EUDA", "confirmed by the focal point on the phone");

            // the revision alone released from the queue; the API says so too
            browser.evaluate("document.querySelector(\"input[data-select='" + revision + "']\").checked = true; "
                    + "document.getElementById('release-note').value = 'checked'; "
                    + "document.getElementById('release-selected').click(); true");
            browser.waitFor("(document.getElementById('review-outcome') || {}).dataset !== undefined && "
                    + "document.getElementById('review-outcome').dataset.applied === '1'", Duration.ofSeconds(30));
            assertThat(queue.text("#review-outcome")).startsWith("Released 1, refused 0.");
            assertThat(queue.count("tr[data-queue-item='" + revision + "']")).isZero();
            assertThat(queue.count("tr[data-queue-item='" + agencys + "']")).isOne();
            assertThat(given().baseUri(gateway).auth().oauth2(austria).get("/api/v1/submissions/" + revision)
                    .then().statusCode(200).extract().path("review.state").toString()).isIn("RELEASED", "OFFICIAL");
        }
    }

    @Test
    @Order(4)
    void with_the_provider_stopped_tokens_it_issued_still_verify_from_the_cached_keys() throws Exception {
        stopProvider();
        assertThatThrownBy(() -> tokenResponse(AGENCY_CLIENT, AGENCY_SECRET))
                .as("the provider is down: no new token").isInstanceOf(ConnectException.class);

        submit(tokenAfterRotation, "2017", 125);
        given().baseUri(suite.gatewayUrl()).auth().oauth2(tokenBeforeRotation).get("/api/v1/submissions")
                .then().statusCode(200);
        // a token the cached keys cannot verify is still refused, as a 401 and not an error of the gateway
        given().baseUri(suite.gatewayUrl()).auth().oauth2(forgedKeyId(tokenAfterRotation)).get("/api/v1/submissions")
                .then().statusCode(401).contentType("application/problem+json");

        // signing in fails with a clear answer, and the page says so instead of sending people to a dead provider
        Thread.sleep(2_500); // the gateway's copy of the discovery document (SIGN_IN_CACHE) has expired
        given().baseUri(suite.gatewayUrl()).get("/sign-in.json")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/sign-in-unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("does not answer"));
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            DashboardPage page = DashboardPage.open(browser, suite.gatewayUrl() + "/?indicator=PI09", Duration.ofSeconds(60));
            assertThat(page.evaluate("document.getElementById('account').dataset.signIn").asText()).isEqualTo("unavailable");
            assertThat(page.text("#sign-in-status")).contains("Signing in is not possible now", "Published data stays readable");
            assertThat(page.view("data-state")).as("the published data still renders").isEqualTo("rendered");
            page.screenshot("sign-in-provider-down");
            assertThat(page.seriousAccessibilityViolations()).as("axe-core, provider down").isEmpty();
        }
    }

    private static String account(String state) {
        return "document.getElementById('account').dataset.signIn === '" + state + "'";
    }

    private static void logIn(HeadlessChromium browser) throws Exception {
        logIn(browser, FOCAL_POINT, FOCAL_POINT_PASSWORD);
    }

    private static void logIn(HeadlessChromium browser, String user, String password) throws Exception {
        browser.evaluate("document.getElementById('username').value = '" + user + "'; "
                + "document.getElementById('password').value = '" + password + "'; "
                + "document.getElementById('kc-login').click(); true");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * The realm trusts the local suite's dashboard at 127.0.0.1:8080 (suite.sh); this suite's gateway listens on a
     * free port, so the test adds its address to the public client, as an administrator does for a new dashboard
     * address: a redirect URI, a web origin (Keycloak's CORS for the token endpoint) and a post-logout redirect.
     */
    private static void allowDashboardAddress(String adminToken, String gateway) throws Exception {
        JsonNode clients = adminGet(adminToken, "/admin/realms/" + REALM + "/clients?clientId=" + DASHBOARD_CLIENT);
        com.fasterxml.jackson.databind.node.ObjectNode client = (com.fasterxml.jackson.databind.node.ObjectNode) clients.get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) client.get("redirectUris")).add(gateway + "/*");
        ((com.fasterxml.jackson.databind.node.ArrayNode) client.get("webOrigins")).add(gateway);
        com.fasterxml.jackson.databind.node.ObjectNode attributes = (com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes");
        attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asText() + "##" + gateway + "/*");
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/admin/realms/" + REALM + "/clients/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    /** Where the provider sends the browser for a code request of the dashboard with these extra parameters. */
    private static String authorizationRedirect(String gateway, Map<String, String> extra) throws Exception {
        Map<String, String> parameters = new java.util.LinkedHashMap<>(Map.of("response_type", "code",
                "client_id", DASHBOARD_CLIENT, "redirect_uri", gateway + "/", "scope", "openid", "state", "s1"));
        parameters.putAll(extra);
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + REALM
                + "/protocol/openid-connect/auth?" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String submit(String token, String period, int value) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token)
                .contentType(ContentType.JSON).body(austrianRow(period, value))
                .when().post("/api/v1/submissions")
                .then().statusCode(201).body("accepted", equalTo(1)).body("reporter", equalTo("AT"))
                .extract().path("id");
    }

    /** The warning codes a dry run of the row draws. */
    private static String dryRun(String token, String period, int value) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token)
                .contentType(ContentType.JSON).body(austrianRow(period, value))
                .when().post("/api/v1/submissions?dryRun=true")
                .then().statusCode(200).extract().jsonPath().getList("warnings.code").toString();
    }

    private static String austrianRow(String period, int value) {
        return """
                {"observations": [
                  {"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT", "period": "%s", "dimensions": {"SEX": "F", "AGE": "TOTAL"}, "value": %d}
                ]}""".formatted(period, value);
    }

    /** What {@code curl -u CLIENT:SECRET -d grant_type=client_credentials .../token} does. */
    private static HttpResponse<String> tokenResponse(String client, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String clientCredentialsToken(String client, String secret) throws Exception {
        HttpResponse<String> response = tokenResponse(client, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /**
     * A token of this provider for a reviewer of EUDA. The realm's reviewers are people, who sign in with PKCE only;
     * so the agency system euda-system is given the realm role reviewer through the admin API for as long as it
     * takes a token, as an administrator would. Its subject is not the submitter's (at-nfp-system): four eyes holds.
     */
    private static String eudaReviewerToken() throws Exception {
        String adminToken = adminToken();
        String user = adminGet(adminToken, "/admin/realms/" + REALM + "/users?exact=true&username=service-account-"
                + OTHER_AGENCY_CLIENT).get(0).get("id").asText();
        String roles = "[" + adminGet(adminToken, "/admin/realms/" + REALM + "/roles/reviewer") + "]";
        URI mappings = URI.create(keycloak + "/admin/realms/" + REALM + "/users/" + user + "/role-mappings/realm");
        HttpResponse<String> granted = HTTP.send(HttpRequest.newBuilder(mappings)
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(roles)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
        try {
            String token = clientCredentialsToken(OTHER_AGENCY_CLIENT, OTHER_AGENCY_SECRET);
            assertThat(claims(token).get("groups").toString()).contains("\"reviewer\"");
            return token;
        } finally {
            HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(mappings)
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString(roles)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        }
    }

    /** The development-only administrator of the master realm (lib.sh's KEYCLOAK_ADMIN_USER / _PASSWORD). */
    private static String adminToken() throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin"),
                        "password", System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "dev-only-admin"))
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static JsonNode adminGet(String adminToken, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + path))
                .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String keyId(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("kid").asText();
    }

    /** The token with a key id no key set holds (its signature then matches no key either). */
    private static String forgedKeyId(String token) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"no-such-key\"}".getBytes(StandardCharsets.UTF_8));
        return header + token.substring(token.indexOf('.'));
    }

    private static void awaitProviderReady(String managementUrl) throws Exception {
        URI health = URI.create((managementUrl == null ? keycloak : managementUrl) + "/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after 180 s at " + health + "; see .local/logs/keycloak-test.log");
    }

    /** Stops the provider test.sh started (kc.sh passes the TERM on to the server) and waits until it is gone. */
    private static void stopProvider() throws Exception {
        String pidFile = System.getenv("KEYCLOAK_PID_FILE");
        assertThat(pidFile).as("KEYCLOAK_PID_FILE, set by deploy/local/test.sh").isNotBlank();
        long pid = Long.parseLong(Files.readString(Path.of(pidFile)).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Keycloak (pid "
                + pid + ") is not running"));
        process.destroy();
        process.onExit().get(30, TimeUnit.SECONDS);
    }
}
