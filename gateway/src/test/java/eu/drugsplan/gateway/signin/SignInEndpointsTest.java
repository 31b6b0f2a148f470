package eu.drugsplan.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which discovery documents the gateway offers sign-in with: only the configured issuer's, only with PKCE S256. */
class SignInEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI ISSUER = URI.create("https://login.example.eu/realms/drugsplan");

    private static JsonNode discovery(String issuer, String token, String methods) throws Exception {
        return JSON.readTree("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + ISSUER
                + "/protocol/openid-connect/auth\",\"token_endpoint\":\"" + token + "\""
                + (methods == null ? "" : ",\"code_challenge_methods_supported\":" + methods) + "}");
    }

    @Test
    void a_providers_document_with_s256_gives_its_endpoints() throws Exception {
        SignInEndpoints endpoints = SignInEndpoints.of(discovery(ISSUER.toString(),
                ISSUER + "/protocol/openid-connect/token", "[\"plain\",\"S256\"]"), ISSUER, "drugsplan-dashboard", "openid");
        assertThat(endpoints.tokenEndpoint()).isEqualTo(ISSUER + "/protocol/openid-connect/token");
        assertThat(endpoints.authorizationEndpoint()).isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(endpoints.endSessionEndpoint()).isEmpty();
        assertThat(endpoints.clientId()).isEqualTo("drugsplan-dashboard");
    }

    @Test
    void another_issuer_no_pkce_with_s256_or_an_endpoint_that_could_break_the_policy_is_refused() {
        String token = ISSUER + "/protocol/openid-connect/token";
        assertThatThrownBy(() -> SignInEndpoints.of(discovery("https://evil.example/realms/drugsplan", token,
                "[\"S256\"]"), ISSUER, "c", "openid")).hasMessageContaining("names the issuer");
        assertThatThrownBy(() -> SignInEndpoints.of(discovery(ISSUER.toString(), token, "[\"plain\"]"), ISSUER, "c",
                "openid")).hasMessageContaining("S256");
        assertThatThrownBy(() -> SignInEndpoints.of(discovery(ISSUER.toString(), token, null), ISSUER, "c",
                "openid")).hasMessageContaining("S256");
        assertThatThrownBy(() -> SignInEndpoints.of(discovery(ISSUER.toString(),
                "https://login.example.eu/token; script-src *", "[\"S256\"]"), ISSUER, "c", "openid"))
                .hasMessageContaining("token_endpoint");
        assertThatThrownBy(() -> SignInEndpoints.of(discovery(ISSUER.toString(), "javascript:alert(1)", "[\"S256\"]"),
                ISSUER, "c", "openid")).hasMessageContaining("token_endpoint");
    }
}
