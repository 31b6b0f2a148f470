package eu.drugsplan.gateway.signin;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/**
 * What the dashboard needs to sign a person in, read from the provider's discovery document (OpenID Connect
 * Discovery 1.0): where to send the browser, where to exchange the code, where to sign out.
 */
public record SignInEndpoints(String issuer, String clientId, String scope, String authorizationEndpoint,
                              String tokenEndpoint, Optional<String> endSessionEndpoint) {

    /**
     * The endpoints of a discovery document, refused (with the reason) when it is not the configured issuer's,
     * lacks an endpoint, or does not offer PKCE with S256: the dashboard never signs in without it.
     */
    static SignInEndpoints of(JsonNode discovery, URI issuer, String clientId, String scope) {
        String declared = discovery.path("issuer").asText("");
        if (!declared.equals(issuer.toString())) {
            throw new IllegalStateException("the discovery document names the issuer '" + declared + "', not '"
                    + issuer + "'");
        }
        String authorization = endpoint(discovery, "authorization_endpoint");
        String token = endpoint(discovery, "token_endpoint");
        JsonNode methods = discovery.path("code_challenge_methods_supported");
        boolean s256 = false;
        for (JsonNode method : methods) {
            s256 |= "S256".equals(method.asText());
        }
        if (!s256) {
            throw new IllegalStateException("the provider does not offer PKCE with S256 (code_challenge_methods_supported: "
                    + methods + ")");
        }
        Optional<String> endSession = discovery.hasNonNull("end_session_endpoint")
                ? Optional.of(endpoint(discovery, "end_session_endpoint")) : Optional.empty();
        return new SignInEndpoints(declared, clientId, scope, authorization, token, endSession);
    }

    /**
     * An absolute http(s) URL without a query, fragment or anything that could end a source expression of the
     * Content-Security-Policy (the token endpoint goes into its connect-src).
     */
    private static String endpoint(JsonNode discovery, String name) {
        String value = discovery.path(name).asText("");
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not a URL: '" + value + "'");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || !value.matches("[A-Za-z0-9:/._~%@!$&()*+=-]+")) {
            throw new IllegalStateException(name + " is not a plain http(s) URL: '" + value + "'");
        }
        return value;
    }
}
