package eu.drugsplan.e2e;

import eu.drugsplan.testsupport.TestKeys;
import eu.drugsplan.testsupport.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens signed with the suite's real test key whose claims have the wrong types or implausible times: the
 * signature is valid, so only a check of the claims themselves can refuse them. (Tokens builds only
 * well-typed claims; its key is read here from the file TestKeys writes.)
 */
final class OddTokens {

    private OddTokens() {
    }

    /** A signed token whose claims are {@code claims} (a JSON object written as is). */
    static String signed(String claims) {
        String input = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a valid submitter token of {@code reporter}, with {@code name} replaced by the JSON
     * {@code value} (or added); {@code iat} and {@code exp} as given, in seconds from now.
     */
    static String claims(String reporter, String name, String value, long issuedIn, long expiresIn) {
        long now = Instant.now().getEpochSecond();
        java.util.Map<String, String> claims = new java.util.LinkedHashMap<>();
        claims.put("iss", "\"" + Tokens.ISSUER + "\"");
        claims.put("aud", "\"" + Tokens.AUDIENCE + "\"");
        claims.put("sub", "\"" + reporter.toLowerCase() + "-test\"");
        claims.put("upn", "\"" + reporter.toLowerCase() + "-test\"");
        claims.put("reporter", "\"" + reporter + "\"");
        claims.put("groups", "[\"submitter\"]");
        claims.put("iat", String.valueOf(now + issuedIn));
        claims.put("exp", String.valueOf(now + expiresIn));
        if (name != null) {
            claims.put(name, value);
        }
        StringBuilder json = new StringBuilder("{");
        claims.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private static PrivateKey privateKey() {
        TestKeys.ensure();
        try {
            String pem = Files.readString(Path.of("target", "test-keys", "private.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
