package eu.drugsplan.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token endpoint joins connect-src, and only connect-src. */
class ContentSecurityPolicyTest {

    @Test
    void the_source_is_added_to_connect_src_or_a_connect_src_is_added() {
        assertThat(SecurityHeaders.withConnectSource("default-src 'self'; connect-src 'self'; frame-ancestors 'none'",
                "https://login.example.eu/realms/r/protocol/openid-connect/token"))
                .isEqualTo("default-src 'self'; connect-src 'self' https://login.example.eu/realms/r/protocol/"
                        + "openid-connect/token; frame-ancestors 'none'");
        assertThat(SecurityHeaders.withConnectSource("default-src 'self'", "https://a.example/token"))
                .isEqualTo("default-src 'self'; connect-src 'self' https://a.example/token");
    }
}
