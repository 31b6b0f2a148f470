package eu.drugsplan.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
