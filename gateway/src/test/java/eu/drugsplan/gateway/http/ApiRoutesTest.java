package eu.drugsplan.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.drugsplan.gateway.proxy.Route;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's table of paths and methods (404 and 405 with Allow) against the committed api/openapi.json. */
class ApiRoutesTest {

    @Test
    void every_operation_of_the_public_api_is_routed_and_allowed_and_nothing_else_is_allowed() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(Path.of("../api/openapi.json").toFile()).get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey().replaceAll("\\{[^}]+}", "X");
            assertThat(ApiRoutes.routed(path)).as(path).isTrue();
            for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
                    HttpMethod.DELETE, HttpMethod.PATCH}) {
                boolean documented = entry.getValue().has(method.name().toLowerCase(Locale.ROOT));
                assertThat(ApiRoutes.allowed(method, path)).as(method + " " + path).isEqualTo(documented);
                assertThat(ApiRoutes.allow(path).contains(method.name())).as("Allow of " + path).isEqualTo(documented);
            }
        }
        assertThat(ApiRoutes.routed("/api/v1/openapi")).isTrue();
        assertThat(ApiRoutes.routed("/api/v1/trendsX")).isFalse();
        assertThat(ApiRoutes.routed("/api/v1/nothing")).isFalse();
    }

    /**
     * Issue 16's operations (the shared design), which submissions-service documents with its own change: each is
     * routed to submissions-service and allowed with its method only; the actions only write.
     */
    @ParameterizedTest(name = "{0} {1}: routed {2}, allowed {3}, Allow {4}")
    @CsvSource(delimiter = '|', value = {
        "POST   | /api/v1/submissions/X/release   | SUBMISSIONS | true  | OPTIONS, POST",
        "POST   | /api/v1/submissions/X/return    | SUBMISSIONS | true  | OPTIONS, POST",
        "POST   | /api/v1/submissions/X/withdraw  | SUBMISSIONS | true  | OPTIONS, POST",
        "GET    | /api/v1/submissions/X/release   | SUBMISSIONS | false | OPTIONS, POST",
        "DELETE | /api/v1/submissions/X/withdraw  | SUBMISSIONS | false | OPTIONS, POST",
        "POST   | /api/v1/submissions/X/warnings/accept | SUBMISSIONS | true  | OPTIONS, POST",
        "GET    | /api/v1/submissions/X/warnings/accept | SUBMISSIONS | false | OPTIONS, POST",
        "POST   | /api/v1/submissions/X/warnings  | SUBMISSIONS | false | GET, HEAD, OPTIONS",
        "GET    | /api/v1/submissions/X/trends    | SUBMISSIONS | true  | GET, HEAD, OPTIONS",
        "POST   | /api/v1/review/release          | SUBMISSIONS | true  | OPTIONS, POST",
        "POST   | /api/v1/review/return           | SUBMISSIONS | true  | OPTIONS, POST",
        "GET    | /api/v1/review/release          | SUBMISSIONS | false | OPTIONS, POST",
        "GET    | /api/v1/submissions/X/rows      | SUBMISSIONS | true  | GET, HEAD, OPTIONS",
        "GET    | /api/v1/submissions/X/audit     | SUBMISSIONS | true  | GET, HEAD, OPTIONS",
        "POST   | /api/v1/submissions/X/rows      | SUBMISSIONS | false | GET, HEAD, OPTIONS",
        "POST   | /api/v1/submissions/X           | SUBMISSIONS | false | GET, HEAD, OPTIONS",
        "POST   | /api/v1/submissions/X/Y/release | SUBMISSIONS | false | GET, HEAD, OPTIONS",
        "GET    | /api/v1/review/queue            | SUBMISSIONS | true  | GET, HEAD, OPTIONS",
        "GET    | /api/v1/review/audit            | SUBMISSIONS | true  | GET, HEAD, OPTIONS",
        "POST   | /api/v1/review/queue            | SUBMISSIONS | false | GET, HEAD, OPTIONS",
        "GET    | /api/v1/reviewx                 | NONE        | true  | GET, HEAD, OPTIONS"})
    void the_review_operations_are_submissions_service_s(HttpMethod method, String path, String service,
                                                         boolean allowed, String allow) {
        assertThat(ApiRoutes.routed(path)).as(path).isEqualTo(!service.equals("NONE"));
        assertThat(Arrays.stream(Route.values()).filter(r -> r.prefixes().stream()
                        .anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))).map(Route::name).findFirst())
                .as(path).isEqualTo(service.equals("NONE") ? Optional.empty() : Optional.of(service));
        assertThat(ApiRoutes.allowed(method, path)).as(method + " " + path).isEqualTo(allowed);
        assertThat(ApiRoutes.allow(path)).as("Allow of " + path).isEqualTo(allow);
    }
}
