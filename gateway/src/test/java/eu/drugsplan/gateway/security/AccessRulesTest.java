package eu.drugsplan.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.drugsplan.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's coarse access rules, without Quarkus: the configuration's access part is all they read. */
class AccessRulesTest {

    private static final List<String> READ_ROLES = List.of("reader", "reviewer", "admin");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "GET     | /api/v1/openapi                    | none",
        "GET     | /api/v1/openapi.yaml               | none",
        "GET     | /api/v1/openapi/ui                 | none",
        "POST    | /api/v1/openapi                    | none",
        "GET     | /api/v1/submissions                | token",
        "HEAD    | /api/v1/submissions/abc            | token",
        "OPTIONS | /api/v1/submissions                | token",
        "POST    | /api/v1/submissions                | submitter",
        "DELETE  | /api/v1/submissions/abc            | submitter",
        "GET     | /api/v1/indicators                 | none",
        "GET     | /api/v1/trends/PI01                | none",
        "POST    | /api/v1/indicators                 | admin",
        "PUT     | /api/v1/catalogue/measures/M       | admin",
        // a path that only begins like a protected one is not that route
        "GET     | /api/v1/submissionsx               | none",
        "POST    | /api/v1/submissionsx               | admin",
        "GET     | /api/v1/openapix                   | none",
        // issue 16, review and release: the reviewing body releases or returns, the submitter withdraws
        "POST    | /api/v1/submissions/abc/release    | reviewer",
        "POST    | /api/v1/submissions/abc/return     | reviewer",
        "POST    | /api/v1/submissions/abc/withdraw   | submitter",
        "POST    | /api/v1/submissions/abc/warnings/accept | reviewer",
        "POST    | /api/v1/submissions/abc/warnings   | submitter",
        "POST    | /api/v1/review/release             | reviewer",
        "POST    | /api/v1/review/return              | reviewer",
        "GET     | /api/v1/submissions/abc/trends     | token",
        "GET     | /api/v1/submissions/abc/release    | token",
        "GET     | /api/v1/submissions/abc/rows       | token",
        "GET     | /api/v1/submissions/abc/audit      | token",
        "POST    | /api/v1/submissions/abc/releasex   | submitter",
        "POST    | /api/v1/submissions/abc/x/release  | submitter",
        "POST    | /api/v1/submissions/release        | submitter",
        "GET     | /api/v1/review/queue               | reviewer",
        "GET     | /api/v1/review/audit               | reviewer",
        "HEAD    | /api/v1/review/queue               | reviewer",
        "GET     | /api/v1/review                     | reviewer",
        "POST    | /api/v1/review/queue               | reviewer",
        "GET     | /api/v1/reviewx                    | none",
        "POST    | /api/v1/reviewx                    | admin"})
    void with_public_reading(HttpMethod method, String path, String expected) {
        assertThat(rules(true).of(method, path)).isEqualTo(requirement(expected));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "GET     | /api/v1/indicators                 | readers",
        "HEAD    | /api/v1/data/PI01                  | readers",
        "GET     | /api/v1/openapi                    | none",
        "GET     | /api/v1/submissions                | token",
        "POST    | /api/v1/submissions                | submitter",
        "POST    | /api/v1/indicators                 | admin",
        "POST    | /api/v1/submissions/abc/release    | reviewer",
        "POST    | /api/v1/submissions/abc/return     | reviewer",
        "POST    | /api/v1/submissions/abc/withdraw   | submitter",
        "GET     | /api/v1/review/queue               | reviewer"})
    void without_public_reading(HttpMethod method, String path, String expected) {
        assertThat(rules(false).of(method, path)).isEqualTo(requirement(expected));
    }

    private static Requirement requirement(String name) {
        return switch (name) {
            case "none" -> Requirement.NONE;
            case "token" -> Requirement.AUTHENTICATED;
            case "readers" -> Requirement.anyRole(READ_ROLES);
            default -> Requirement.role(name);
        };
    }

    private static AccessRules rules(boolean publicRead) {
        GatewayConfig.Access access = (GatewayConfig.Access) Proxy.newProxyInstance(
                AccessRulesTest.class.getClassLoader(), new Class<?>[] {GatewayConfig.Access.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "publicRead" -> publicRead;
                    case "readRoles" -> READ_ROLES;
                    case "submitRole" -> "submitter";
                    case "reviewRole" -> "reviewer";
                    case "adminRole" -> "admin";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        GatewayConfig config = (GatewayConfig) Proxy.newProxyInstance(AccessRulesTest.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("access")) {
                        return access;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new AccessRules(config);
    }
}
