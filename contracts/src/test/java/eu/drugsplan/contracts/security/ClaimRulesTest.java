package eu.drugsplan.contracts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final ClaimRules RULES = new ClaimRules(Duration.ofSeconds(60), Duration.ofHours(24));

    @Test
    void the_tokens_the_suite_issues_pass_typed() {
        ClaimRules.Claims claims = RULES.check(token(c -> { }), NOW);
        assertThat(claims.subject()).isEqualTo("at-test");
        assertThat(claims.reporter()).isEqualTo("AT");
        assertThat(claims.groups()).containsExactlyInAnyOrder("submitter", "reviewer");
    }

    @Test
    void a_token_without_reporter_or_groups_passes_with_none() {
        ClaimRules.Claims claims = RULES.check(token(c -> c.remove(java.util.List.of("reporter", "groups"))), NOW);
        assertThat(claims.reporter()).isNull();
        assertThat(claims.groups()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"AT\",\"DE\"]", "42", "{\"code\":\"AT\"}", "true", "\"\""})
    void a_reporter_that_is_not_a_string_is_refused(String reporter) {
        assertRefused(c -> c.set("reporter", read(reporter)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"submitter\"", "[\"submitter\", 1]", "[[\"admin\"]]", "{\"admin\":true}", "7"})
    void groups_that_are_not_an_array_of_strings_are_refused(String groups) {
        assertRefused(c -> c.set("groups", read(groups)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "[\"at\"]", "{\"id\":1}", "null"})
    void a_subject_that_is_not_a_string_is_refused(String subject) {
        assertRefused(c -> c.set("sub", read(subject)));
    }

    @Test
    void a_token_issued_in_the_future_beyond_the_skew_is_refused_within_it_passes() {
        long now = NOW.getEpochSecond();
        assertRefused(c -> c.put("iat", now + 61).put("exp", now + 3661));
        RULES.check(token(c -> c.put("iat", now + 60).put("exp", now + 3660)), NOW);
    }

    @Test
    void ten_years_ahead_with_a_ten_year_lifetime_is_refused() {
        long tenYears = Duration.ofDays(3650).toSeconds();
        long now = NOW.getEpochSecond();
        assertRefused(c -> c.put("iat", now + tenYears).put("exp", now + 2 * tenYears));
        assertRefused(c -> c.put("iat", now).put("exp", now + tenYears));
    }

    @Test
    void the_lifetime_may_reach_the_maximum_but_not_pass_it() {
        long now = NOW.getEpochSecond();
        RULES.check(token(c -> c.put("iat", now).put("exp", now + 86_400)), NOW);
        assertRefused(c -> c.put("iat", now).put("exp", now + 86_401));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iat", "exp"})
    void a_missing_or_textual_time_is_refused(String claim) {
        assertRefused(c -> c.remove(claim));
        assertRefused(c -> c.put(claim, "1764590400"));
    }

    @Test
    void a_token_that_is_no_compact_jws_is_refused() {
        assertThatThrownBy(() -> RULES.check("a.b", NOW)).isInstanceOf(ClaimRules.Refused.class);
        assertThatThrownBy(() -> RULES.check("a.%%%.c", NOW)).isInstanceOf(ClaimRules.Refused.class);
        assertThatThrownBy(() -> RULES.check("a." + encode("[1,2]") + ".c", NOW)).isInstanceOf(ClaimRules.Refused.class);
    }

    private static void assertRefused(Consumer<ObjectNode> change) {
        assertThatThrownBy(() -> RULES.check(token(change), NOW)).isInstanceOf(ClaimRules.Refused.class);
    }

    /** A token shaped like test-support's Tokens and deploy/local/token.sh (an hour's lifetime). */
    private static String token(Consumer<ObjectNode> change) {
        long now = NOW.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", "https://drugsplan.eu/local").put("aud", "drugs-plan-monitoring")
                .put("sub", "at-test").put("upn", "at-test").put("reporter", "AT")
                .put("iat", now).put("exp", now + 3600);
        claims.putArray("groups").add("submitter").add("reviewer");
        change.accept(claims);
        return encode("{\"alg\":\"RS256\"}") + "." + encode(claims.toString()) + ".c2ln";
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
