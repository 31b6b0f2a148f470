package eu.drugsplan.contracts.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one definition of what a verified token's claims must look like, used by the gateway and by every service
 * that reads them. The signature, issuer, audience and expiry are checked by SmallRye JWT before this; what it
 * leaves open is checked here: {@code sub} a string, {@code reporter} absent or a string, {@code groups} absent or
 * an array of strings, {@code iat} present, not later than now plus the clock skew (SmallRye does not look at it),
 * and a lifetime ({@code exp - iat}) of at most the configured maximum. A token that breaks one of them is refused
 * as a whole (401): an array where a reporter code belongs must not be read as some reporter.
 * <p>
 * The claims are read from the token's own JSON, not from the JsonWebToken view of them, whose getters coerce
 * types (a string {@code groups} becomes a set of one, a number {@code reporter} its text).
 */
public final class ClaimRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration clockSkew;
    private final Duration maxLifetime;

    public ClaimRules(Duration clockSkew, Duration maxLifetime) {
        this.clockSkew = clockSkew;
        this.maxLifetime = maxLifetime;
    }

    /** A token's claims that passed the rules, typed. The reporter is null when the token names none. */
    public record Claims(String subject, String reporter, Set<String> groups) {
    }

    /** Why a token's claims were refused; the message is fit for a client (it never quotes the token). */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The claims of a compact JWS whose signature was verified already, checked at {@code now}. */
    public Claims check(String compactToken, Instant now) {
        return check(payload(compactToken), now);
    }

    public Claims check(JsonNode claims, Instant now) {
        if (claims == null || !claims.isObject()) {
            throw new Refused("The token's claims are not a JSON object.");
        }
        String subject = text(claims, "sub", true);
        String reporter = text(claims, "reporter", false);
        Set<String> groups = groups(claims.get("groups"));
        checkTimes(claims, now);
        return new Claims(subject, reporter, groups);
    }

    private void checkTimes(JsonNode claims, Instant now) {
        long issuedAt = seconds(claims, "iat");
        long expiresAt = seconds(claims, "exp");
        if (issuedAt > now.getEpochSecond() + clockSkew.toSeconds()) {
            throw new Refused("The token is issued in the future (iat), beyond the allowed clock skew of "
                    + clockSkew.toSeconds() + " s.");
        }
        if (expiresAt - issuedAt > maxLifetime.toSeconds()) {
            throw new Refused("The token lives longer (exp - iat) than the " + maxLifetime.toSeconds()
                    + " s this API accepts.");
        }
    }

    private static String text(JsonNode claims, String name, boolean required) {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Refused("The token has no '" + name + "' claim.");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Refused("The token's '" + name + "' claim must be a non-empty string.");
        }
        return value.asText();
    }

    private static Set<String> groups(JsonNode value) {
        if (value == null || value.isNull()) {
            return Set.of();
        }
        if (!value.isArray()) {
            throw new Refused("The token's 'groups' claim must be an array of strings.");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (JsonNode group : value) {
            if (!group.isTextual()) {
                throw new Refused("The token's 'groups' claim must be an array of strings.");
            }
            groups.add(group.asText());
        }
        return Set.copyOf(groups);
    }

    private static long seconds(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isNumber() || !value.canConvertToLong()) {
            throw new Refused("The token's '" + name + "' claim must be a number of seconds since the epoch.");
        }
        return value.asLong();
    }

    private static JsonNode payload(String compactToken) {
        String[] parts = compactToken == null ? new String[0] : compactToken.split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused("The token is not a compact JWS.");
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            return JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new Refused("The token's claims are not readable JSON.");
        }
    }
}
