package eu.drugsplan.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Builds signed JWTs the way the local token command does, plus the forged kinds the security tests need. */
public final class Tokens {

    public static final String ISSUER = "https://drugsplan.eu/local";
    public static final String AUDIENCE = "drugs-plan-monitoring";

    private Tokens() {
    }

    public static String forReporter(String reporter, String... roles) {
        return sign(claims(reporter, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600), roles), TestKeys.privateKey());
    }

    /**
     * A token of one person (or system) acting for the reporter: as {@link #forReporter} but with this subject
     * ({@code sub} and {@code upn}), so that two people of one reporter differ (four eyes: the releaser of a
     * submission is not its submitter).
     */
    public static String forPerson(String subject, String reporter, String... roles) {
        return sign(claims(subject, reporter, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600), roles),
                TestKeys.privateKey());
    }

    public static String expired(String reporter, String... roles) {
        return sign(claims(reporter, ISSUER, AUDIENCE, Instant.now().minusSeconds(3600), roles), TestKeys.privateKey());
    }

    public static String wrongAudience(String reporter, String... roles) {
        return sign(claims(reporter, ISSUER, "someone-else", Instant.now().plusSeconds(3600), roles), TestKeys.privateKey());
    }

    public static String signedByAnotherKey(String reporter, String... roles) {
        return sign(claims(reporter, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600), roles), TestKeys.otherPrivateKey());
    }

    /** A token signed with the test key whose claims are exactly these JSON claims (claim-type tests). */
    public static String withClaims(String claimsJson) {
        return sign(claimsJson, TestKeys.privateKey());
    }

    public static String unsigned(String reporter, String... roles) {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + encode(claims(reporter, ISSUER, AUDIENCE, Instant.now().plusSeconds(3600), roles)) + ".";
    }

    private static String claims(String reporter, String issuer, String audience, Instant expiry, String... roles) {
        return claims(reporter.toLowerCase() + "-test", reporter, issuer, audience, expiry, roles);
    }

    private static String claims(String subject, String reporter, String issuer, String audience, Instant expiry,
                                 String... roles) {
        String groups = List.of(roles).stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"reporter\":\"" + reporter
                + "\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":" + expiry.getEpochSecond() + "}";
    }

    private static String sign(String claims, PrivateKey key) {
        String input = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
